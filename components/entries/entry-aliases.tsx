"use client";

import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { displayProfileUrl } from "@/lib/dnc/slug-display";

const aliasCount = (count: number) => `${count} ${count === 1 ? "alias" : "aliases"}`;

/**
 * An entry's aliases on its row: one short "+2 aliases" button under the URL (a long list would
 * crowd the table and a narrow screen), the full list in a popover that the keyboard opens too.
 */
export function EntryAliases({ url, aliases, canWrite }: { url: string; aliases: string[]; canWrite: boolean }) {
  return (
    <Popover>
      <PopoverTrigger
        aria-label={`${aliasCount(aliases.length)} of ${url}`}
        className="mt-0.5 block rounded text-xs text-muted-foreground underline decoration-dotted underline-offset-2 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
      >
        +{aliasCount(aliases.length)}
      </PopoverTrigger>
      <PopoverContent label={`Aliases of ${url}`} className="w-80">
        <p className="mb-1 text-xs text-muted-foreground">Other identifiers of this person; a check by any of them finds the entry.</p>
        <ul className="space-y-1">
          {aliases.map((alias) => (
            <li key={alias} className="break-all font-mono text-[13px] text-foreground" title={alias}>
              {displayProfileUrl(alias).text}
            </li>
          ))}
        </ul>
        {/* Removal asks for a confirmation, which the history dialog has room for; a popover does not. */}
        {canWrite ? <p className="mt-2 text-xs text-muted-foreground">To remove one, open History in the row&apos;s menu.</p> : null}
      </PopoverContent>
    </Popover>
  );
}
