"use client";

import { useCallback, useState } from "react";
import { errorMessage } from "@/components/api-client/call-api";
import { useBulkActions } from "@/components/bulk-actions/bulk-actions-context";
import { sendEntryRequest } from "@/components/bulk-actions/entry-actions";
import type { QueueResponse } from "@/components/bulk-actions/request-queue";
import { removalTitle, useOfferSingleUndo } from "@/components/removed/undo-toast";
import { focusToast, toast } from "@/components/ui/toaster";
import { useRowsSeen } from "@/components/ui/use-data-table";
import { isProtectedCategory } from "@/lib/dnc/categories";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { formatCountdown, formatDuration, formatNumber } from "@/lib/format";
import type { DeleteTarget } from "./delete-confirm-dialog";
import type { EntriesFilter } from "./entries-url-state";
import { fetchAllEntries, useThrottledEntriesRefresh } from "./use-dnc-entries";
import type { TableSelection } from "@/components/ui/use-table-selection";

type PendingDelete = DeleteTarget & { ids: string[] | "all-matching" };
type Outcome = { tone: "error" | "info"; text: string };

/**
 * The removals started from the entries table: a row's Delete, or the selection's. Each waits in
 * `pendingDelete` for the confirmation. One entry is removed with one request and a toast that
 * offers to undo it; more go to the bulk queue, "all matching" once every id has been collected.
 */
export function useEntryRemovals({
  team,
  filter,
  rows,
  total,
  selection,
}: {
  team: string;
  /** What "all matching" matches. */
  filter: EntriesFilter;
  /** The page on screen, and how many entries match in all. */
  rows: DncEntryDto[];
  total: number;
  selection: TableSelection;
}) {
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  /** Progress of collecting "all matching" before a bulk delete: on screen while it lasts. */
  const [collecting, setCollecting] = useState<string | null>(null);
  const bulkActions = useBulkActions();
  const offerUndo = useOfferSingleUndo(team);
  const refresh = useThrottledEntriesRefresh(team);
  const seen = useRowsSeen(rows);

  const askDelete = useCallback(
    (entry: DncEntryDto) => setPendingDelete({ count: 1, urls: [entry.url], ids: [entry.$id], protectedCount: isProtected(entry) ? 1 : 0 }),
    [],
  );

  function askBulkDelete() {
    if (selection.allMatching) {
      // Rows on other pages are not known here: the protected ones on this page are a lower bound.
      setPendingDelete({
        count: total,
        urls: rows.map((r) => r.url),
        ids: "all-matching",
        protectedCount: rows.filter(isProtected).length,
      });
    } else {
      const selected = selection.selectedIds.map((id) => seen.current.get(id)).filter((entry): entry is DncEntryDto => entry !== undefined);
      setPendingDelete({
        count: selection.selectedIds.length,
        urls: selected.map((entry) => entry.url),
        ids: selection.selectedIds,
        protectedCount: selected.filter(isProtected).length,
      });
    }
  }

  async function confirmDelete(reason: string) {
    const target = pendingDelete;
    setPendingDelete(null);
    if (!target) return;
    if (target.count === 1 && target.ids !== "all-matching") {
      await deleteOne(target.ids[0]!, target.urls[0]!, reason);
      return;
    }
    let ids = target.ids;
    if (ids === "all-matching") {
      setCollecting("Collecting the matching entries…");
      try {
        const entries = await fetchAllEntries({
          team,
          filter,
          onProgress: (loaded, all) => setCollecting(`Collecting the matching entries: ${formatNumber(loaded)} of ${formatNumber(all)}…`),
          onWait: (ms) => setCollecting(`Collecting the matching entries: waiting for the rate limit — ${formatCountdown(ms)}`),
        });
        ids = entries.map((entry) => entry.$id);
      } catch (error) {
        toast.error(`Could not collect the entries: ${errorMessage(error)}`);
        return;
      } finally {
        setCollecting(null);
      }
    }
    // The selection is handed to the queue: what stays selected afterwards would only be stale. A run
    // that started while "all matching" was collected keeps this one from starting: the selection stays.
    if (bulkActions.start("delete", ids, reason)) selection.clearSelection();
    else toast.error("Another bulk action is running: nothing was removed. Try again when it ends.");
  }

  /** The actions button of the row after (or before) this one: where focus returns once the toast has gone. */
  function neighbourActions(id: string): HTMLElement | null {
    const index = rows.findIndex((row) => row.$id === id);
    const neighbour = index === -1 ? undefined : (rows[index + 1] ?? rows[index - 1]);
    return neighbour ? document.querySelector<HTMLElement>(`button[aria-label="${CSS.escape(`Actions for ${neighbour.url}`)}"]`) : null;
  }

  async function deleteOne(id: string, url: string, reason: string) {
    try {
      const response = await sendEntryRequest("delete", team, reason)(id);
      // A removal's toast offers to undo it, and takes focus from the row that went: Undo is two Tabs on.
      if (response.status === 200) {
        const returnTo = neighbourActions(id);
        bulkActions.gone.mark(id);
        offerUndo({ id, url });
        if (focusWasLost()) focusToast(removalTitle(url), returnTo);
      } else {
        const outcome = describeSingleDelete(response, url);
        toast[outcome.tone](outcome.text);
      }
    } catch (error) {
      toast.error(`Could not remove ${url}: ${errorMessage(error)}`);
    }
    selection.deselect(id);
    refresh();
  }

  return {
    pendingDelete,
    collecting,
    /** A bulk change is under way: another waits until it has finished. */
    busy: bulkActions.busy,
    askDelete,
    askBulkDelete,
    confirmDelete,
    cancelDelete: () => setPendingDelete(null),
  };
}

function describeSingleDelete(response: QueueResponse, url: string): Outcome {
  switch (response.status) {
    case 404:
      return { tone: "info", text: `${url} was already gone.` };
    case 403:
      return { tone: "error", text: "You are not permitted to remove entries." };
    case 429: {
      const wait = Math.max(1000, (response.resetTime ?? Date.now()) - Date.now());
      return { tone: "error", text: `Rate limit reached: nothing was removed. Try again in ${formatDuration(wait)}.` };
    }
    default:
      return { tone: "error", text: `Could not remove ${url} (HTTP ${response.status}).` };
  }
}

const isProtected = (entry: DncEntryDto) => isProtectedCategory(entry.category);

/**
 * Focus is still where the confirmation left it (the removed row's menu, or nowhere): it may move.
 * Someone who went on typing or clicking elsewhere while the removal was out keeps their place.
 */
function focusWasLost(): boolean {
  const active = document.activeElement;
  return !active || active === document.body || !active.isConnected || active.closest("tr") !== null;
}
