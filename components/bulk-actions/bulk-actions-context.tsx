"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { useThrottledEntriesRefresh } from "@/components/entries/use-dnc-entries";
import { UNDO_REASON, undoAction } from "@/components/removed/undo-toast";
import { toast } from "@/components/ui/toaster";
import { sleep } from "@/components/api-client/call-api";
import { ENTRY_ACTIONS, type EntryAction, sendEntryRequest } from "@/components/bulk-actions/entry-actions";
import { RequestQueue } from "@/components/bulk-actions/request-queue";
import { BulkActionProgress, describeRun, isQueueBusy } from "./bulk-action-progress";

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
 * write budget, and two queues would only take turns at its limit. When a run stops, a toast says
 * how it went, wherever in the dashboard the person is; after a delete it offers to undo it: a
 * restore of what it removed, through the same queue.
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
      const toastId = `bulk-run-${(runs.current += 1)}`;
      const undo = () => {
        // Read when pressed: a request still out when the run was cancelled may have removed one more since.
        if (!startJob("restore", [...removed], UNDO_REASON)) {
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
      let wasBusy = false;
      let announced = -1;
      queue.subscribe(() => {
        const snapshot = queue.getSnapshot();
        const nowBusy = isQueueBusy(snapshot.status);
        setBusy(nowBusy);
        if (!nowBusy) refresh();
        // Once per run (a retry of the failures is a run too); a request still out when the run was
        // cancelled settles afterwards and updates the same toast.
        if (!nowBusy && (wasBusy || snapshot.processed !== announced)) {
          announced = snapshot.processed;
          const { tone, text } = describeRun(action, snapshot);
          toast[tone](text, { id: toastId, ...(removed.length > 0 ? undoAction(undo) : {}) });
        }
        wasBusy = nowBusy;
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
