"use client";

import { type VisibilityState } from "@tanstack/react-table";
import { useCallback, useMemo, useState } from "react";
import { useBulkActions } from "@/components/bulk-actions/bulk-actions-context";
import { useOfferSingleUndo } from "@/components/removed/undo-toast";
import { DataTable } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { Notice } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { useDataTable, useRowsSeen } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import { sendEntryRequest } from "@/components/bulk-actions/entry-actions";
import type { QueueResponse } from "@/components/bulk-actions/request-queue";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { formatCountdown, formatDuration, formatNumber } from "@/lib/format";
import { BulkActionBar } from "./bulk-action-bar";
import { createColumns } from "./columns";
import { DataTableToolbar } from "./data-table-toolbar";
import { DeleteConfirmDialog, type DeleteTarget } from "./delete-confirm-dialog";
import { DEFAULT_VIEW, type EntriesFilter, isFiltered, listParams, PAGE_SIZES } from "./entries-url-state";
import { fetchAllEntries, type ServerPage, useDncEntries, useEntryFacets, useThrottledEntriesRefresh } from "./use-dnc-entries";
import { useEntriesView } from "./use-entries-view";
import { useEntrySelection } from "./use-entry-selection";
import { useSearchBox } from "./use-search-box";

type PendingDelete = DeleteTarget & { ids: string[] | "all-matching" };
type Outcome = { tone: "error" | "info"; text: string };

/**
 * Owns the entries table: its view (search, filters, order, page; kept in the URL), the selection,
 * the columns shown, and the removals started from it. DataTable draws it.
 */
export function EntriesTable({
  team,
  canWrite,
  firstPage,
  onShowHistory,
}: {
  team: string;
  canWrite: boolean;
  firstPage?: ServerPage;
  onShowHistory: (entry: DncEntryDto) => void;
}) {
  const { view, setView, table: viewState } = useEntriesView();
  const [search, setSearch] = useSearchBox(view, setView);
  const [columnVisibility, setColumnVisibility] = useState<VisibilityState>({});
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const bulkActions = useBulkActions();
  const offerUndo = useOfferSingleUndo(team);
  /** Progress of collecting "all matching" before a bulk delete: on screen while it lasts. */
  const [collecting, setCollecting] = useState<string | null>(null);
  const refresh = useThrottledEntriesRefresh(team);

  const selection = useEntrySelection(view);
  // The server's first page answers the view the page was loaded with, once: coming back to that
  // view later must not bring back rows as they were then.
  const [serverPage, setServerPage] = useState(firstPage);
  if (serverPage && serverPage.key !== listParams(view).toString()) setServerPage(undefined);

  const query = useDncEntries(team, view, serverPage);
  const facets = useEntryFacets(team);
  const rows = useMemo(() => query.data?.entries ?? [], [query.data]);
  const total = query.data?.total ?? 0;
  const seen = useRowsSeen(rows);

  const onDeleteRow = useCallback((entry: DncEntryDto) => setPendingDelete({ count: 1, urls: [entry.url], ids: [entry.$id] }), []);
  const onCopy = useCallback(async (entry: DncEntryDto) => {
    try {
      await navigator.clipboard.writeText(entry.url);
      toast.success(`Copied ${entry.url}`);
    } catch (error) {
      toast.error(`Could not copy ${entry.url}: ${errorMessage(error)}`);
    }
  }, []);
  const columns = useMemo(
    () => createColumns({ canWrite, onDelete: onDeleteRow, onCopy: (entry) => void onCopy(entry), onShowHistory }),
    [canWrite, onDeleteRow, onCopy, onShowHistory],
  );

  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => row.$id,
    manualSorting: true,
    manualFiltering: true,
    rowCount: total,
    state: { ...viewState.state, rowSelection: selection.rowSelection, columnVisibility },
    onSortingChange: viewState.onSortingChange,
    onPaginationChange: viewState.onPaginationChange,
    onColumnFiltersChange: viewState.onColumnFiltersChange,
    onColumnVisibilityChange: setColumnVisibility,
    onRowSelectionChange: selection.changeRowSelection,
    enableRowSelection: canWrite,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  function resetFilters() {
    setSearch("");
    setView((current) => ({ ...current, q: DEFAULT_VIEW.q, source: [], createdBy: [], from: null, to: null }));
  }

  function askBulkDelete() {
    if (selection.allMatching) {
      setPendingDelete({ count: total, urls: rows.map((r) => r.url), ids: "all-matching" });
    } else {
      const urls = selection.selectedIds.map((id) => seen.current.get(id)?.url).filter((url): url is string => Boolean(url));
      setPendingDelete({ count: selection.selectedIds.length, urls, ids: selection.selectedIds });
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
          filter: view,
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
    // The selection is handed to the queue: what stays selected afterwards would only be stale.
    selection.clearSelection();
    bulkActions.start("delete", ids, reason);
  }

  async function deleteOne(id: string, url: string, reason: string) {
    try {
      const response = await sendEntryRequest("delete", team, reason)(id);
      // A removal's toast offers to undo it.
      if (response.status === 200) {
        offerUndo({ id, url });
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

  return (
    <div>
      <DataTableToolbar
        table={table}
        team={team}
        canWrite={canWrite}
        search={search}
        onSearch={setSearch}
        filter={view}
        filtered={isFiltered(view) || search.trim() !== ""}
        onReset={resetFilters}
        facets={facets.data}
      />
      {collecting ? (
        <div className="mb-3">
          <Notice>{collecting}</Notice>
        </div>
      ) : null}
      {canWrite && (selection.selectedIds.length > 0 || selection.allMatching) ? (
        <BulkActionBar
          selectedCount={selection.selectedIds.length}
          total={total}
          allMatching={selection.allMatching}
          canSelectAllMatching={table.getIsAllPageRowsSelected() && total > rows.length}
          onSelectAllMatching={selection.selectAllMatching}
          onClear={selection.clearSelection}
          onDelete={askBulkDelete}
          busy={bulkActions.busy}
        />
      ) : null}
      {/* Fixed layout: the URL column gets what the sized columns leave, so a long slug clips instead of widening the table. */}
      <DataTable
        table={table}
        label="Do Not Contact entries"
        className="table-fixed"
        loading={query.isPending}
        busy={query.isFetching}
        error={query.isError ? `Could not load the entries: ${errorMessage(query.error)}` : null}
        onRetry={() => void query.refetch()}
        empty={emptyMessage(view, canWrite)}
      />
      <DataTablePagination table={table} pageSizes={PAGE_SIZES} />
      <DeleteConfirmDialog
        target={pendingDelete}
        onCancel={() => setPendingDelete(null)}
        onConfirm={(reason) => void confirmDelete(reason)}
      />
    </div>
  );
}

function emptyMessage(view: EntriesFilter, canWrite: boolean): string {
  if (isFiltered({ ...view, q: "" })) return "No entries match the search and filters.";
  if (view.q) return `No entries match “${view.q}”.`;
  return canWrite ? "The list is empty. Add a URL or import a CSV to start." : "The list is empty.";
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
