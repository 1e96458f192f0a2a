"use client";

import { useCallback, useState } from "react";
import { errorMessage } from "@/components/api-client/call-api";
import { useBulkActions } from "@/components/bulk-actions/bulk-actions-context";
import { toast } from "@/components/ui/toaster";
import { useRowsSeen } from "@/components/ui/use-data-table";
import type { RemovedEntryDto } from "@/lib/dnc/schemas";
import { formatCountdown, formatNumber } from "@/lib/format";
import type { RemovedFilter } from "./removed-url-state";
import { type RemovalRun, runOf, type RestoreTarget } from "./restore-dialog";
import { fetchAllRemoved, useRestoreEntry } from "./use-removed-entries";
import type { TableSelection } from "@/components/ui/use-table-selection";

/**
 * The restores started from Recently removed: a row's Restore, the selection's, every entry the
 * search or run matches, or a row's whole run. Each waits in `pending` for the confirmation. One
 * entry is restored with one request; more go to the paced bulk queue, once every id of "all
 * matching" or of the run has been collected from the server.
 */
export function useRemovedRestores({
  team,
  filter,
  rows,
  total,
  selection,
}: {
  team: string;
  /** What "all matching" matches. */
  filter: RemovedFilter;
  /** The page on screen, and how many removed entries match in all (the server's count). */
  rows: RemovedEntryDto[];
  total: number;
  selection: TableSelection;
}) {
  const [pending, setPending] = useState<RestoreTarget | null>(null);
  /** Progress of collecting the ids before a bulk restore: on screen while it lasts. */
  const [collecting, setCollecting] = useState<string | null>(null);
  const bulkActions = useBulkActions();
  const restoreOne = useRestoreEntry(team);
  const seen = useRowsSeen(rows);

  const askRestore = useCallback((entry: RemovedEntryDto) => setPending({ count: 1, urls: [entry.url], ids: [entry.$id] }), []);

  const askRestoreRun = useCallback(
    (entry: RemovedEntryDto) => setPending({ count: entry.run.size, urls: [entry.url], ids: { q: "", run: entry.$id }, run: runOf(entry) }),
    [],
  );

  function askBulkRestore() {
    if (selection.allMatching) {
      // Showing one run unsearched: "all matching" is that run, and the dialog says whose and when.
      const run = filter.run && !filter.q && rows[0] ? runOf(rows[0]) : undefined;
      setPending({ count: total, urls: rows.map((row) => row.url), ids: filter, run });
      return;
    }
    const urls = selection.selectedIds.map((id) => seen.current.get(id)?.url).filter((url): url is string => Boolean(url));
    setPending({ count: selection.selectedIds.length, urls, ids: selection.selectedIds });
  }

  async function confirmRestore(reason: string) {
    const target = pending;
    setPending(null);
    if (!target) return;
    if (Array.isArray(target.ids) && target.ids.length === 1) {
      restoreOne.mutate({ id: target.ids[0]!, url: target.urls[0]!, reason });
      selection.deselect(target.ids[0]!);
      return;
    }
    const ids = Array.isArray(target.ids) ? target.ids : await collect(target.ids, target.run);
    if (!ids) return;
    // The selection is handed to the queue: what stays selected afterwards would only be stale. A run
    // that started while the ids were collected keeps this one from starting: the selection stays.
    if (bulkActions.start("restore", ids, reason)) selection.clearSelection();
    else toast.error("Another bulk action is running: nothing was restored. Try again when it ends.");
  }

  async function collect(filter: RemovedFilter, run: RemovalRun | undefined): Promise<string[] | null> {
    const what = run ? "the run's entries" : "the matching entries";
    setCollecting(`Collecting ${what}…`);
    try {
      const entries = await fetchAllRemoved({
        team,
        filter,
        onProgress: (loaded, all) => setCollecting(`Collecting ${what}: ${formatNumber(loaded)} of ${formatNumber(all)}…`),
        onWait: (ms) => setCollecting(`Collecting ${what}: waiting for the rate limit — ${formatCountdown(ms)}`),
      });
      return entries.map((entry) => entry.$id);
    } catch (error) {
      toast.error(`Could not collect ${what}: ${errorMessage(error)}`);
      return null;
    } finally {
      setCollecting(null);
    }
  }

  return {
    pending,
    collecting,
    /** A bulk change is under way: another waits until it has finished. */
    busy: bulkActions.busy,
    askRestore,
    askRestoreRun,
    askBulkRestore,
    confirmRestore,
    cancelRestore: () => setPending(null),
  };
}
