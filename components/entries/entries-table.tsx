"use client";

import { useCallback, useMemo, useState } from "react";
import { useClients } from "@/components/clients/use-clients";
import { DataTable } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { Notice } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { useDataTable } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import type { Client } from "@/lib/clients/schemas";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { AddAliasDialog } from "./add-alias-dialog";
import { BulkActionBar } from "./bulk-action-bar";
import { createColumns } from "./columns";
import { DataTableToolbar } from "./data-table-toolbar";
import { DeleteConfirmDialog } from "./delete-confirm-dialog";
import { EditEntryDialog } from "./edit-entry-dialog";
import { DEFAULT_FILTER, type EntriesFilter, filterParams, isFiltered, listParams, PAGE_SIZES } from "./entries-url-state";
import { type ServerPage, useDncEntries, useEntryFacets } from "./use-dnc-entries";
import { useEntriesView } from "./use-entries-view";
import { useEntryRemovals } from "./use-entry-removals";
import { useClampedPage, useLiveRows } from "./use-live-rows";
import { useTableSelection } from "@/components/ui/use-table-selection";
import { useSearchBox } from "./use-search-box";
import { useStoredColumnVisibility } from "./use-stored-column-visibility";

/**
 * Owns the entries table: its view (search, filters, order, page; kept in the URL), the selection,
 * the columns shown, and the removals and alias additions started from it. DataTable draws it.
 */
export function EntriesTable({
  team,
  canWrite,
  canRemoveProtected,
  firstPage,
  onShowHistory,
}: {
  team: string;
  canWrite: boolean;
  /** An owner: may remove complaint and legal entries (with a reason). */
  canRemoveProtected: boolean;
  firstPage?: ServerPage;
  onShowHistory: (entry: DncEntryDto) => void;
}) {
  const { view, setView, table: viewState } = useEntriesView();
  const [search, setSearch] = useSearchBox(view, setView);
  const [columnVisibility, setColumnVisibility] = useStoredColumnVisibility(team, DEFAULT_COLUMN_VISIBILITY);

  const selection = useTableSelection(filterParams(view).toString());
  // The server's first page answers the view the page was loaded with, once: coming back to that
  // view later must not bring back rows as they were then.
  const [serverPage, setServerPage] = useState(firstPage);
  if (serverPage && serverPage.key !== listParams(view).toString()) setServerPage(undefined);

  const query = useDncEntries(team, view, serverPage);
  const facets = useEntryFacets(team);
  const clients = useClients(team).data?.clients ?? NO_CLIENTS;
  // A team without clients has one list: the Client column and filter would say nothing.
  const showClients = clients.length > 0 || view.client !== null;
  const { rows, total, refilling } = useLiveRows(query.data);
  useClampedPage(
    query.isPlaceholderData || !query.data ? undefined : total,
    view,
    useCallback((pageIndex: number) => setView((current) => ({ ...current, pageIndex })), [setView]),
  );
  const removals = useEntryRemovals({ team, filter: view, rows, total, selection });
  const [aliasFor, setAliasFor] = useState<DncEntryDto | null>(null);
  const [editing, setEditing] = useState<DncEntryDto | null>(null);

  // Remade only when canWrite or a handler changes: new cell functions would remount every row's menu (a dialog returns focus to one).
  const columns = useMemo(
    () =>
      createColumns({
        canWrite,
        canRemoveProtected,
        onDelete: removals.askDelete,
        onAddAlias: setAliasFor,
        onEdit: setEditing,
        onCopy: (entry) => void copyUrl(entry),
        onShowHistory,
      }),
    [canWrite, canRemoveProtected, removals.askDelete, onShowHistory],
  );

  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => row.$id,
    manualSorting: true,
    manualFiltering: true,
    rowCount: total,
    state: {
      ...viewState.state,
      rowSelection: selection.rowSelection,
      // Hiding it only while there are no clients: a visibility in the state overrides the column's breakpoint.
      columnVisibility: { expiresAt: view.expiresWithin !== null, ...(showClients ? {} : { client: false }), ...columnVisibility },
    },
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
    setView((current) => ({ ...current, ...DEFAULT_FILTER }));
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
        clients={showClients ? clients : null}
      />
      {removals.collecting ? (
        <div className="mb-3">
          <Notice>{removals.collecting}</Notice>
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
          onDelete={removals.askBulkDelete}
          busy={removals.busy}
        />
      ) : null}
      {/* Fixed layout: the URL column gets what the sized columns leave, so a long slug clips instead of widening the table. */}
      <DataTable
        table={table}
        label="Do Not Contact entries"
        className="table-fixed"
        loading={query.isPending || refilling}
        busy={query.isFetching}
        error={query.isError ? `Could not load the entries: ${errorMessage(query.error)}` : null}
        onRetry={() => void query.refetch()}
        empty={emptyMessage(view, canWrite)}
      />
      <DataTablePagination table={table} pageSizes={PAGE_SIZES} />
      <AddAliasDialog team={team} entry={aliasFor} onClose={() => setAliasFor(null)} />
      <EditEntryDialog team={team} entry={editing} canRemoveProtected={canRemoveProtected} onClose={() => setEditing(null)} />
      <DeleteConfirmDialog
        target={removals.pendingDelete}
        canRemoveProtected={canRemoveProtected}
        onCancel={removals.cancelDelete}
        onConfirm={(reason) => void removals.confirmDelete(reason)}
      />
    </div>
  );
}

const NO_CLIENTS: Client[] = [];

/**
 * The Kind and Received columns only carry their filters until someone shows them (the URL cell names
 * companies and domains, the Category cell says "late"); Expires shows itself while its filter is on,
 * unless chosen otherwise in View.
 */
const DEFAULT_COLUMN_VISIBILITY = { kind: false, received: false };

function emptyMessage(view: EntriesFilter, canWrite: boolean): string {
  if (isFiltered({ ...view, q: "" })) return "No entries match the search and filters.";
  if (view.q) return `No entries match “${view.q}”.`;
  return canWrite ? "The list is empty. Add a URL or import a CSV to start." : "The list is empty.";
}

/** A row's Copy URL: the toast says it worked, since nothing else on the page changes. */
async function copyUrl(entry: DncEntryDto) {
  try {
    await navigator.clipboard.writeText(entry.url);
    toast.success(`Copied ${entry.url}`);
  } catch (error) {
    toast.error(`Could not copy ${entry.url}: ${errorMessage(error)}`);
  }
}
