"use client";

import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";
import type { SavedRun } from "./saved-runs";

const NAMES = { delete: "bulk delete", restore: "bulk restore" } as const;

/** A saved run no tab carries on (a reload, a crash, a closed laptop stopped it), with Resume and Discard. */
export function InterruptedRunNotice({ run, onResume, onDiscard }: { run: SavedRun; onResume: () => void; onDiscard: () => void }) {
  const left = run.pending.length;
  const headingId = `interrupted-${run.id}`;
  return (
    <section aria-labelledby={headingId} className="mb-4 rounded-lg border border-border bg-surface p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 id={headingId} className="text-sm font-semibold text-foreground">
            A {NAMES[run.action]} of {formatNumber(run.total)} entries was interrupted at {formatNumber(run.total - left)}
          </h2>
          <p className="text-sm text-muted-foreground">
            Resume sends only the {formatNumber(left)} not yet answered; an entry changed meanwhile is counted as it is found.
            {run.reason ? ` Reason: “${run.reason}”.` : null}
          </p>
        </div>
        <div className="flex gap-2">
          <Button size="sm" variant="primary" onClick={onResume}>
            Resume
          </Button>
          <Button size="sm" onClick={onDiscard}>
            Discard
          </Button>
        </div>
      </div>
    </section>
  );
}
