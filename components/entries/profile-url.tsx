import { describeScriptMix, displayProfileUrl, type ProfileUrlDisplay } from "@/lib/dnc/slug-display";

/**
 * A stored profile URL as people read it (slug decoded, stacked marks limited, clipped to its
 * box, the canonical form in the tooltip), followed by its warnings. On a phone the prefix every
 * entry shares is left out, so the clipped cell still shows what tells entries apart (the slug).
 */
export function ProfileUrl({ url }: { url: string }) {
  const shown = displayProfileUrl(url);
  return (
    <span className="inline-flex max-w-full items-center gap-2 align-middle">
      <span className="min-w-0 truncate font-mono text-[13px] text-foreground" title={url}>
        {/* Out of sight only, and inline (sr-only would add a space to the name): screen readers and searches still get the whole URL. */}
        {shown.prefix ? <span className="max-sm:text-[0px]">{shown.prefix}</span> : null}
        {shown.key}
      </span>
      <LookalikeWarnings shown={shown} />
    </span>
  );
}

/** Text badges, not colour alone: the warning is read out and survives a colour-blind screen. */
export function LookalikeWarnings({ shown }: { shown: ProfileUrlDisplay }) {
  return (
    <>
      {shown.scripts ? (
        <Badge title={`This slug mixes ${describeScriptMix(shown.scripts)}, which look alike: it may imitate another profile's URL.`}>
          Mixed scripts
        </Badge>
      ) : null}
      {shown.marksRemoved > 0 ? (
        <Badge
          title={`${shown.marksRemoved} more combining marks are stacked on the letters than are shown here; the tooltip on the URL has the stored form.`}
        >
          Stacked marks
        </Badge>
      ) : null}
    </>
  );
}

function Badge({ title, children }: { title: string; children: string }) {
  return (
    <span
      title={title}
      className="inline-flex shrink-0 items-center gap-1 rounded border border-warning-border bg-warning-soft px-1.5 py-0.5 font-sans text-xs font-medium text-warning-text"
    >
      <span aria-hidden="true">⚠</span>
      {children}
      <span className="sr-only">: {title}</span>
    </span>
  );
}
