"use client";

import { type RowSelectionState } from "@tanstack/react-table";
import { useCallback, useMemo, useState } from "react";
import { useBulkActions } from "@/components/bulk-actions/bulk-actions-context";
import { ProfileHistoryDialog } from "@/components/history/profile-history-dialog";
import { useDebouncedValue } from "@/components/hooks/use-debounced-value";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { Input } from "@/components/ui/input";
import { SelectionBar } from "@/components/ui/selection-bar";
import { useDataTable, useRowsSeen } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import type { RemovedEntryDto } from "@/lib/dnc/schemas";
import { formatNumber } from "@/lib/format";
import { createRemovedColumns } from "./columns";
import { RestoreDialog, type RestoreTarget } from "./restore-dialog";
import { useRemovedEntries, useRestoreEntry } from "./use-removed-entries";

const SEARCH_DEBOUNCE_MS = 250;

/** Owns the removed entries' table state (page, search, selection) and the restores started from it. */
export function RemovedTable({ team, canWrite }: { team: string; canWrite: boolean }) {
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: 25 });
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [pendingRestore, setPendingRestore] = useState<RestoreTarget | null>(null);
  const [historyFor, setHistoryFor] = useState<string | null>(null);
  const bulkActions = useBulkActions();
  const restoreOne = useRestoreEntry(team);

  const query = useRemovedEntries({ team, pageIndex: pagination.pageIndex, pageSize: pagination.pageSize, q });
  const rows = useMemo(() => query.data?.entries ?? [], [query.data]);
  const seen = useRowsSeen(rows);

  const onRestoreRow = useCallback((entry: RemovedEntryDto) => setPendingRestore({ ids: [entry.$id], urls: [entry.url] }), []);
  const columns = useMemo(
    () => createRemovedColumns({ canWrite, onRestore: onRestoreRow, onHistory: setHistoryFor }),
    [canWrite, onRestoreRow],
  );

  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => row.$id,
    rowCount: query.data?.total ?? 0,
    state: { pagination, rowSelection },
    onPaginationChange: setPagination,
    onRowSelectionChange: setRowSelection,
    enableRowSelection: canWrite,
  });

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const clearSelection = useCallback(() => setRowSelection({}), []);

  function onSearch(value: string) {
    // A new search starts at page one with nothing selected: a selection the results no longer show would be a trap.
    setSearch(value);
    setPagination((p) => ({ ...p, pageIndex: 0 }));
    clearSelection();
  }

  function askBulkRestore() {
    const urls = selectedIds.map((id) => seen.current.get(id)?.url).filter((url): url is string => Boolean(url));
    setPendingRestore({ ids: selectedIds, urls });
  }

  function confirmRestore(reason: string) {
    const target = pendingRestore;
    setPendingRestore(null);
    if (!target) return;
    if (target.ids.length === 1) {
      restoreOne.mutate({ id: target.ids[0]!, url: target.urls[0]!, reason });
      setRowSelection(({ [target.ids[0]!]: _restored, ...rest }) => rest);
      return;
    }
    // The selection is handed to the queue: what stays selected afterwards would only be stale.
    if (bulkActions.start("restore", target.ids, reason)) clearSelection();
  }

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <Input
          type="search"
          aria-label="Search removed entries"
          placeholder="Search URLs…"
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          className="max-w-xs"
        />
      </div>
      {canWrite && selectedIds.length > 0 ? (
        <SelectionBar summary={`${formatNumber(selectedIds.length)} selected`} onClear={clearSelection}>
          <Button size="sm" variant="primary" onClick={askBulkRestore} disabled={bulkActions.busy}>
            Restore {formatNumber(selectedIds.length)} selected
          </Button>
        </SelectionBar>
      ) : null}
      <DataTable
        table={table}
        label="Recently removed entries"
        className="table-fixed"
        loading={query.isPending}
        busy={query.isFetching}
        error={query.isError ? `Could not load the removed entries: ${errorMessage(query.error)}` : null}
        onRetry={() => void query.refetch()}
        empty={q ? `No removed entries match “${q}”.` : "Nothing was removed recently."}
      />
      <DataTablePagination table={table} />
      <RestoreDialog target={pendingRestore} onCancel={() => setPendingRestore(null)} onConfirm={confirmRestore} />
      <ProfileHistoryDialog
        team={team}
        url={historyFor ?? ""}
        canWrite={canWrite}
        open={historyFor !== null}
        onOpenChange={(open) => !open && setHistoryFor(null)}
      />
    </div>
  );
}
