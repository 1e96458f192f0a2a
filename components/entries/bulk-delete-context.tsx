"use client";

import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { toast } from "@/components/ui/toaster";
import { apiRaw, sleep } from "@/lib/api-client/api-fetch";
import { DeleteQueue, type DeleteQueueSnapshot, type DeleteResponse } from "@/lib/bulk-delete/delete-queue";
import { formatNumber } from "@/lib/format";
import { BulkDeleteProgress, isQueueBusy } from "./bulk-delete-progress";
import { useThrottledEntriesRefresh } from "./use-dnc-entries";

/** A server that accepts the connection but never answers counts as unreachable after this long. */
const DELETE_TIMEOUT_MS = 20_000;

/** One DELETE as the queue needs it: status, headers, and the 429 body's resetTime. */
export function sendDelete(team: string, reason: string) {
  return async (id: string): Promise<DeleteResponse> => {
    const response = await apiRaw(`/api/v1/dnc/${encodeURIComponent(id)}`, {
      method: "DELETE",
      body: reason ? { reason } : {},
      team,
      signal: AbortSignal.timeout(DELETE_TIMEOUT_MS),
    });
    const body = response.status === 429 ? ((await response.json().catch(() => ({}))) as { resetTime?: number }) : undefined;
    return { status: response.status, headers: response.headers, resetTime: body?.resetTime };
  };
}

type BulkDeleteContextValue = { start: (ids: string[], reason: string) => void; busy: boolean };

const BulkDeleteContext = createContext<BulkDeleteContextValue | null>(null);

/**
 * Holds the running bulk delete above the pages, so it keeps going, and stays in view, while the
 * person looks at the audit log or another page of the dashboard.
 */
export function BulkDeleteProvider({ team, children }: { team: string; children: ReactNode }) {
  const [queue, setQueue] = useState<DeleteQueue | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = useThrottledEntriesRefresh(team);

  const start = useCallback(
    (ids: string[], reason: string) => {
      const next = new DeleteQueue(ids, {
        send: sendDelete(team, reason),
        now: Date.now,
        sleep,
        onOutcome: (_id, outcome) => {
          if (outcome === "deleted" || outcome === "already_gone") refresh();
        },
      });
      let wasBusy = false;
      next.subscribe(() => {
        const snapshot = next.getSnapshot();
        const nowBusy = isQueueBusy(snapshot.status);
        setBusy(nowBusy);
        if (!nowBusy) refresh();
        // Once per run (a retry of the failures is a run too), wherever in the dashboard the person is.
        if (wasBusy && !nowBusy) announceOutcome(snapshot);
        wasBusy = nowBusy;
      });
      setQueue(next);
      void next.start();
    },
    [team, refresh],
  );

  return (
    <BulkDeleteContext.Provider value={{ start, busy }}>
      {queue ? <BulkDeleteProgress queue={queue} onClose={() => setQueue(null)} /> : null}
      {children}
    </BulkDeleteContext.Provider>
  );
}

/** The tally as one sentence, e.g. "Bulk delete finished: 10 deleted, 2 already gone." */
function announceOutcome(s: DeleteQueueSnapshot) {
  const parts = [
    `${formatNumber(s.deleted)} deleted`,
    s.alreadyGone > 0 ? `${formatNumber(s.alreadyGone)} already gone` : null,
    s.notPermitted > 0 ? `${formatNumber(s.notPermitted)} not permitted` : null,
    s.failed > 0 ? `${formatNumber(s.failed)} failed` : null,
    s.status === "cancelled" && s.notSent > 0 ? `${formatNumber(s.notSent)} not sent` : null,
  ].filter(Boolean);
  const text = `Bulk delete ${s.status === "cancelled" ? "cancelled" : "finished"}: ${parts.join(", ")}.`;
  if (s.failed > 0 || s.notPermitted > 0) toast.error(text);
  else if (s.status === "cancelled") toast.info(text);
  else toast.success(text);
}

export function useBulkDelete(): BulkDeleteContextValue {
  const value = useContext(BulkDeleteContext);
  if (!value) throw new Error("useBulkDelete is used outside BulkDeleteProvider");
  return value;
}
