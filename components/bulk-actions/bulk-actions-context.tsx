"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { toast } from "sonner";
import { useThrottledEntriesRefresh } from "@/components/entries/use-dnc-entries";
import { offerUndo, UNDO_REASON } from "@/components/removed/undo-toast";
import { sleep } from "@/lib/api-client/api-fetch";
import { ENTRY_ACTIONS, type EntryAction, sendEntryRequest } from "@/lib/bulk-actions/entry-actions";
import { RequestQueue } from "@/lib/bulk-actions/request-queue";
import { formatNumber } from "@/lib/format";
import { BulkActionProgress, isQueueBusy } from "./bulk-action-progress";

type BulkJob = { action: EntryAction; queue: RequestQueue<string> };

type BulkActionsValue = {
  /** Starts a bulk delete or restore; returns false, sending nothing, while another is under way. */
  start: (action: EntryAction, ids: string[], reason: string) => boolean;
  busy: boolean;
};

const BulkActionsContext = createContext<BulkActionsValue | null>(null);

/**
 * Holds the running bulk delete or restore above the pages, so it keeps going, and stays in view,
 * while the person looks at another page of the dashboard. One at a time: both spend the team's
 * write budget, and two queues would only take turns at its limit. When a delete stops, a toast
 * offers to undo it: a restore of what it removed, through the same queue.
 */
export function BulkActionsProvider({ team, children }: { team: string; children: ReactNode }) {
  const [job, setJob] = useState<BulkJob | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useRef<BulkJob | null>(null);
  const runs = useRef(0);
  const refresh = useThrottledEntriesRefresh(team);

  const start = useCallback(
    function startJob(action: EntryAction, ids: string[], reason: string): boolean {
      if (current.current && isQueueBusy(current.current.queue.getSnapshot().status)) return false;
      const removed: string[] = [];
      const toastId = `bulk-undo-${(runs.current += 1)}`;
      const undo = (removedIds: string[]) => {
        if (!startJob("restore", removedIds, UNDO_REASON)) {
          toast.error("Another bulk change is running: restore these entries from Recently removed once it has finished.");
        }
      };
      const queue = new RequestQueue<string>(ids, ENTRY_ACTIONS[action].outcomes, {
        send: sendEntryRequest(action, team, reason),
        now: Date.now,
        sleep,
        onOutcome: (id, outcome) => {
          if (outcome === "deleted") removed.push(id);
          if (outcome !== "failed") refresh();
        },
      });
      let offered = 0;
      queue.subscribe(() => {
        const nowBusy = isQueueBusy(queue.getSnapshot().status);
        setBusy(nowBusy);
        if (nowBusy) return;
        refresh();
        // A request still out when the run was cancelled settles afterwards: the toast is updated, not repeated.
        if (removed.length > offered) {
          offered = removed.length;
          const ids = [...removed];
          offerUndo(`Removed ${ids.length === 1 ? "1 entry" : `${formatNumber(ids.length)} entries`}`, () => undo(ids), toastId);
        }
      });
      const next = { action, queue };
      current.current = next;
      setJob(next);
      void queue.start();
      return true;
    },
    [team, refresh],
  );

  return (
    <BulkActionsContext.Provider value={{ start, busy }}>
      {job ? <BulkActionProgress action={job.action} queue={job.queue} onClose={() => setJob(null)} /> : null}
      {children}
    </BulkActionsContext.Provider>
  );
}

export function useBulkActions(): BulkActionsValue {
  const value = useContext(BulkActionsContext);
  if (!value) throw new Error("useBulkActions is used outside BulkActionsProvider");
  return value;
}
