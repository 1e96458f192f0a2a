"use client";

import { type FormEvent, useState } from "react";
import { UrlPreviewList } from "@/components/entries/url-preview-list";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Label, Textarea } from "@/components/ui/input";
import type { RemovedEntryDto } from "@/lib/dnc/schemas";
import { formatDateTime, formatNumber } from "@/lib/format";
import type { RemovedFilter } from "./removed-url-state";

/** One earlier bulk delete, as a confirmation names it: how many, who, when and why. */
export type RemovalRun = { size: number; removedBy: string; reason: string | null; firstRemovedAt: string; lastRemovedAt: string };

export const runOf = (entry: RemovedEntryDto): RemovalRun => ({ removedBy: entry.removedBy, reason: entry.reason, ...entry.run });

/**
 * What a restore is about: the ids themselves, or a filter (every match, a run) whose ids are
 * collected from the server once confirmed; `count` is the server's.
 */
export type RestoreTarget = { count: number; urls: string[]; ids: string[] | RemovedFilter; run?: RemovalRun };

/** Asks for the optional reason of a restore, one entry or many; Cancel, Escape and a click outside restore nothing. */
export function RestoreDialog({
  target,
  onCancel,
  onConfirm,
}: {
  target: RestoreTarget | null;
  onCancel: () => void;
  onConfirm: (reason: string) => void;
}) {
  const [reason, setReason] = useState("");
  const count = target?.count ?? 0;

  function close() {
    setReason("");
    onCancel();
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const text = reason.trim();
    setReason("");
    onConfirm(text);
  }

  return (
    <Dialog open={target !== null} onOpenChange={(open) => !open && close()}>
      {target ? (
        <DialogContent
          title={titleOf(target)}
          description={`Back on the list as ${count === 1 ? "it was" : "they were"}: the same id, added date, author, source and note. An expiry that has passed is cleared.`}
        >
          <form onSubmit={onSubmit}>
            {target.run ? (
              <RunFacts run={target.run} count={count} />
            ) : (
              <UrlPreviewList label="Entries to restore" urls={target.urls} count={count} />
            )}
            <div className="mt-4 space-y-1.5">
              <Label htmlFor="restore-reason">Reason (optional, kept in the audit log)</Label>
              <Textarea
                id="restore-reason"
                maxLength={500}
                value={reason}
                onChange={(event) => setReason(event.target.value)}
                placeholder="e.g. removed by mistake"
              />
            </div>
            <div className="mt-5 flex justify-end gap-2">
              <Button onClick={close}>Cancel</Button>
              <Button type="submit" variant="primary">
                {count === 1 ? "Restore entry" : `Restore ${formatNumber(count)} entries`}
              </Button>
            </div>
          </form>
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function titleOf(target: RestoreTarget): string {
  if (target.run) return `Restore this run of ${formatNumber(target.count)} entries?`;
  return target.count === 1 ? "Restore this entry?" : `Restore ${formatNumber(target.count)} entries?`;
}

/** The run as the audit trail has it: what the person confirms is what they can later prove. */
function RunFacts({ run, count }: { run: RemovalRun; count: number }) {
  return (
    <dl aria-label="The run to restore" className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-md bg-subtle p-3 text-sm">
      <dt className="text-muted-foreground">Entries</dt>
      <dd>{formatNumber(count)}</dd>
      <dt className="text-muted-foreground">Removed by</dt>
      <dd className="break-all">{run.removedBy}</dd>
      <dt className="text-muted-foreground">When</dt>
      <dd>{describeSpan(run)}</dd>
      <dt className="text-muted-foreground">Reason</dt>
      <dd className="break-words">{run.reason ?? "none given"}</dd>
    </dl>
  );
}

/** "12 Mar 2026, 14:05", or "from 12 Mar 2026, 14:05 to 12 Mar 2026, 14:09" when the run took longer than a minute's display. */
export function describeSpan(run: Pick<RemovalRun, "firstRemovedAt" | "lastRemovedAt">): string {
  const first = formatDateTime(run.firstRemovedAt);
  const last = formatDateTime(run.lastRemovedAt);
  return first === last ? first : `from ${first} to ${last}`;
}
