"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ProfileHistoryDialog } from "@/components/history/profile-history-dialog";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { Input } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { SelectionBar } from "@/components/ui/selection-bar";
import { useDataTable } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import type { RemovedEntryDto } from "@/lib/dnc/schemas";
import { formatNumber } from "@/lib/format";
import { createRemovedColumns } from "./columns";
import { RestoreDialog } from "./restore-dialog";
import { RunNotice } from "./run-notice";
import { useRemovedEntries } from "./use-removed-entries";
import { useRemovedRestores } from "./use-removed-restores";
import { useTableSelection } from "@/components/ui/use-table-selection";
import { useRemovedSearchBox, useRemovedView } from "./use-removed-view";
import { removedFilterKey } from "./removed-url-state";

/** Owns the removed entries' table: its view (search, run, page; kept in the URL), the selection, and the restores started from it. */
export function RemovedTable({ team, canWrite }: { team: string; canWrite: boolean }) {
  const { view, setView, onPaginationChange, showRun } = useRemovedView();
  const [search, setSearch] = useRemovedSearchBox(view, setView);
  const selection = useTableSelection(removedFilterKey(view));
  const [historyFor, setHistoryFor] = useState<string | null>(null);

  const query = useRemovedEntries(team, view);
  const rows = useMemo(() => query.data?.entries ?? [], [query.data]);
  const total = query.data?.total ?? 0;
  const restores = useRemovedRestores({ team, filter: view, rows, total, selection });

  const onShowRun = useCallback((entry: RemovedEntryDto) => showRun(entry.$id), [showRun]);
  const columns = useMemo(
    () =>
      createRemovedColumns({
        canWrite,
        onRestore: restores.askRestore,
        onRestoreRun: restores.askRestoreRun,
        onShowRun,
        onHistory: setHistoryFor,
      }),
    [canWrite, restores.askRestore, restores.askRestoreRun, onShowRun],
  );

  const table = useDataTable({
    data: rows,
    columns,
    getRowId: (row) => row.$id,
    rowCount: total,
    state: { pagination: { pageIndex: view.pageIndex, pageSize: view.pageSize }, rowSelection: selection.rowSelection },
    onPaginationChange,
    onRowSelectionChange: selection.changeRowSelection,
    enableRowSelection: canWrite,
  });

  const selectedCount = selection.allMatching ? total : selection.selectedIds.length;
  // "Select all N matching" goes away once chosen: focus moves on to what it was chosen for, not to the page.
  const restoreSelected = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (selection.allMatching) restoreSelected.current?.focus();
  }, [selection.allMatching]);

  return (
    <div>
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <Input
          type="search"
          aria-label="Search removed entries"
          placeholder="Search URLs…"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          className="max-w-xs"
        />
      </div>
      {/* Not while the previous view's rows stand in: they would describe another run. */}
      {view.run && query.isSuccess && !query.isPlaceholderData ? (
        <RunNotice
          entry={rows[0]}
          canWrite={canWrite}
          busy={restores.busy}
          onShowAll={() => showRun(null)}
          onRestoreRun={restores.askRestoreRun}
        />
      ) : null}
      {restores.collecting ? (
        <div className="mb-3">
          <Notice>{restores.collecting}</Notice>
        </div>
      ) : null}
      {canWrite && selectedCount > 0 ? (
        <SelectionBar
          summary={
            selection.allMatching ? `All ${formatNumber(total)} matching entries selected` : `${formatNumber(selectedCount)} selected`
          }
          extend={
            !selection.allMatching && table.getIsAllPageRowsSelected() && total > rows.length ? (
              <Button size="sm" variant="ghost-accent" onClick={selection.selectAllMatching}>
                Select all {formatNumber(total)} matching
              </Button>
            ) : null
          }
          onClear={selection.clearSelection}
        >
          <Button ref={restoreSelected} size="sm" variant="primary" onClick={restores.askBulkRestore} disabled={restores.busy}>
            Restore {formatNumber(selectedCount)} selected
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
        empty={emptyMessage(view.q, view.run)}
      />
      <DataTablePagination table={table} />
      <RestoreDialog
        target={restores.pending}
        onCancel={restores.cancelRestore}
        onConfirm={(reason) => void restores.confirmRestore(reason)}
      />
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

function emptyMessage(q: string, run: string | null): string {
  if (q) return run ? `No removed entries of this run match “${q}”.` : `No removed entries match “${q}”.`;
  return run ? "No entries of this run are left." : "Nothing was removed recently.";
}
