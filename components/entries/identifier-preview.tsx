/** What a dialog recognised in the text being typed: its canonical form and what it was taken for. */
export type Recognised = { canonical: string; label: string };

/**
 * The canonical form the text being typed will be stored as, and what it was taken for (said unless
 * it is a plain profile), or `unrecognised` when it is nothing the dialog takes; empty while nothing is typed.
 */
export function IdentifierPreview({
  input,
  recognised,
  unrecognised,
}: {
  input: string;
  recognised: Recognised | null;
  unrecognised: string;
}) {
  return (
    <p className="min-h-5 text-xs text-muted-foreground" data-testid="normalized-preview">
      {input.trim() ? (
        recognised ? (
          <>
            Will be stored as <span className="font-mono text-foreground">{recognised.canonical}</span>
            {recognised.label === "profile" ? null : ` (${recognised.label})`}
          </>
        ) : (
          unrecognised
        )
      ) : null}
    </p>
  );
}
