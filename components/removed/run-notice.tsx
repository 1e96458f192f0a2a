"use client";

import { Button } from "@/components/ui/button";
import type { RemovedEntryDto } from "@/lib/dnc/schemas";
import { formatNumber } from "@/lib/format";
import { describeSpan } from "./restore-dialog";

/**
 * Above the table while it shows one run: what the run was (how many, who, when, why), the way
 * back to every removed entry, and (people who may write) the restore of the whole run.
 */
export function RunNotice({
  entry,
  canWrite,
  busy,
  onShowAll,
  onRestoreRun,
}: {
  /** Any entry of the run; none once nothing of it is left. */
  entry: RemovedEntryDto | undefined;
  canWrite: boolean;
  busy: boolean;
  onShowAll: () => void;
  onRestoreRun: (entry: RemovedEntryDto) => void;
}) {
  const entries = entry ? `${formatNumber(entry.run.size)} ${entry.run.size === 1 ? "entry" : "entries"}` : "";
  return (
    <section
      aria-label="Run"
      className="mb-3 flex flex-wrap items-center gap-3 rounded-lg border border-border bg-surface px-4 py-2.5 text-sm"
    >
      <p className="text-foreground">
        {entry
          ? `One run: ${entries} removed by ${entry.removedBy}, ${describeSpan(entry.run)}, reason: ${entry.reason ?? "none given"}.`
          : "Nothing of this run is left to restore: its entries were restored, or are past the restore window."}
      </p>
      <div className="ml-auto flex gap-2">
        <Button size="sm" onClick={onShowAll}>
          Show all removed entries
        </Button>
        {canWrite && entry ? (
          <Button size="sm" variant="primary" onClick={() => onRestoreRun(entry)} disabled={busy}>
            Restore this run ({entries})
          </Button>
        ) : null}
      </div>
    </section>
  );
}
