"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { useThrottledEntriesRefresh } from "@/components/entries/use-dnc-entries";
import { sleep } from "@/lib/api-client/api-fetch";
import { ENTRY_ACTIONS, type EntryAction, sendEntryRequest } from "@/lib/bulk-actions/entry-actions";
import { RequestQueue } from "@/lib/bulk-actions/request-queue";
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
 * write budget, and two queues would only take turns at its limit.
 */
export function BulkActionsProvider({ team, children }: { team: string; children: ReactNode }) {
  const [job, setJob] = useState<BulkJob | null>(null);
  const [busy, setBusy] = useState(false);
  const current = useRef<BulkJob | null>(null);
  const refresh = useThrottledEntriesRefresh(team);

  const start = useCallback(
    (action: EntryAction, ids: string[], reason: string): boolean => {
      if (current.current && isQueueBusy(current.current.queue.getSnapshot().status)) return false;
      const queue = new RequestQueue<string>(ids, ENTRY_ACTIONS[action].outcomes, {
        send: sendEntryRequest(action, team, reason),
        now: Date.now,
        sleep,
        onOutcome: (_id, outcome) => {
          if (outcome !== "failed") refresh();
        },
      });
      queue.subscribe(() => {
        const nowBusy = isQueueBusy(queue.getSnapshot().status);
        setBusy(nowBusy);
        if (!nowBusy) refresh();
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
