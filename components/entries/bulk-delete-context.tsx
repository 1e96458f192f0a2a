"use client";

import { createContext, type ReactNode, useCallback, useContext, useState } from "react";
import { apiRaw, sleep } from "@/lib/api-client/api-fetch";
import { DeleteQueue, type DeleteResponse } from "@/lib/bulk-delete/delete-queue";
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
      next.subscribe(() => {
        const nowBusy = isQueueBusy(next.getSnapshot().status);
        setBusy(nowBusy);
        if (!nowBusy) refresh();
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

export function useBulkDelete(): BulkDeleteContextValue {
  const value = useContext(BulkDeleteContext);
  if (!value) throw new Error("useBulkDelete is used outside BulkDeleteProvider");
  return value;
}
