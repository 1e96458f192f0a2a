"use client";

import { flexRender, getCoreRowModel, type RowSelectionState, type SortingState, useReactTable } from "@tanstack/react-table";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { errorMessage } from "@/lib/api-client/api-fetch";
import type { DncEntryDto, ListEntriesResult } from "@/lib/dnc/schemas";
import { BulkActionBar } from "./bulk-action-bar";
import { sendDelete, useBulkDelete } from "./bulk-delete-context";
import { createColumns } from "./columns";
import { DataTablePagination } from "./data-table-pagination";
import { DataTableToolbar } from "./data-table-toolbar";
import { DeleteConfirmDialog, type DeleteTarget } from "./delete-confirm-dialog";
import { fetchAllEntries, useDncEntries, useThrottledEntriesRefresh } from "./use-dnc-entries";
import { formatCountdown, formatNumber } from "@/lib/format";

const SEARCH_DEBOUNCE_MS = 250;

type PendingDelete = DeleteTarget & { ids: string[] | "all-matching" };

/** Owns the table state (page, search, order, selection) and the removals started from it. */
export function DataTable({ team, canWrite, firstPage }: { team: string; canWrite: boolean; firstPage?: ListEntriesResult }) {
  const [pagination, setPagination] = useState({ pageIndex: 0, pageSize: firstPage?.limit ?? 25 });
  const [sorting, setSorting] = useState<SortingState>([{ id: "createdAt", desc: true }]);
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [rowSelection, setRowSelection] = useState<RowSelectionState>({});
  const [allMatching, setAllMatching] = useState(false);
  const [pendingDelete, setPendingDelete] = useState<PendingDelete | null>(null);
  const bulkDelete = useBulkDelete();
  const [flash, setFlash] = useState<{ tone: "success" | "error" | "info"; text: string } | null>(null);
  /** Every row seen, by id: the confirmation shows URLs of selected rows that are on other pages. */
  const seen = useRef(new Map<string, DncEntryDto>());
  const refresh = useThrottledEntriesRefresh(team);

  // A new search starts at page one with nothing selected: a selection the results no longer show would be a trap.
  useEffect(() => {
    const next = search.trim();
    if (next === q) return;
    const timer = setTimeout(() => {
      setQ(next);
      setPagination((p) => ({ ...p, pageIndex: 0 }));
      setRowSelection({});
      setAllMatching(false);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [search, q]);

  const order = sorting[0]?.desc === false ? "asc" : "desc";
  const query = useDncEntries({ team, pageIndex: pagination.pageIndex, pageSize: pagination.pageSize, q, order }, firstPage);
  const rows = useMemo(() => query.data?.entries ?? [], [query.data]);
  const total = query.data?.total ?? 0;
  for (const row of rows) seen.current.set(row.$id, row);

  const onDeleteRow = useCallback((entry: DncEntryDto) => setPendingDelete({ count: 1, urls: [entry.url], ids: [entry.$id] }), []);
  const columns = useMemo(() => createColumns({ canWrite, onDelete: onDeleteRow }), [canWrite, onDeleteRow]);

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.$id,
    getCoreRowModel: getCoreRowModel(),
    manualPagination: true,
    manualSorting: true,
    rowCount: total,
    state: { pagination, sorting, rowSelection },
    onPaginationChange: setPagination,
    onSortingChange: (updater) => {
      setSorting(updater);
      setPagination((p) => ({ ...p, pageIndex: 0 }));
    },
    onRowSelectionChange: (updater) => {
      setRowSelection(updater);
      setAllMatching(false);
    },
    enableRowSelection: canWrite,
    enableSortingRemoval: false,
  });

  const selectedIds = Object.keys(rowSelection).filter((id) => rowSelection[id]);
  const clearSelection = useCallback(() => {
    setRowSelection({});
    setAllMatching(false);
  }, []);

  function askBulkDelete() {
    if (allMatching) {
      setPendingDelete({ count: total, urls: rows.map((r) => r.url), ids: "all-matching" });
    } else {
      const urls = selectedIds.map((id) => seen.current.get(id)?.url).filter((url): url is string => Boolean(url));
      setPendingDelete({ count: selectedIds.length, urls, ids: selectedIds });
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
      setFlash({ tone: "info", text: "Collecting the matching entries…" });
      try {
        const entries = await fetchAllEntries({
          team,
          q,
          onProgress: (loaded, all) => setFlash({ tone: "info", text: `Collecting the matching entries: ${formatNumber(loaded)} of ${formatNumber(all)}…` }),
          onWait: (ms) => setFlash({ tone: "info", text: `Collecting the matching entries: waiting for the rate limit — ${formatCountdown(ms)}` }),
        });
        ids = entries.map((entry) => entry.$id);
      } catch (error) {
        setFlash({ tone: "error", text: `Could not collect the entries: ${errorMessage(error)}` });
        return;
      }
      setFlash(null);
    }
    // The selection is handed to the queue: what stays selected afterwards would only be stale.
    clearSelection();
    bulkDelete.start(ids, reason);
  }

  async function deleteOne(id: string, url: string, reason: string) {
    try {
      const response = await sendDelete(team, reason)(id);
      if (response.status === 200) setFlash({ tone: "success", text: `Removed ${url}` });
      else if (response.status === 404) setFlash({ tone: "info", text: `${url} was already gone.` });
      else if (response.status === 403) setFlash({ tone: "error", text: "You are not permitted to remove entries." });
      else if (response.status === 429) {
        const seconds = Math.ceil(((response.resetTime ?? Date.now()) - Date.now()) / 1000);
        setFlash({ tone: "error", text: `Rate limit reached: nothing was removed. Try again in ${Math.max(1, seconds)} s.` });
      } else setFlash({ tone: "error", text: `Could not remove ${url} (HTTP ${response.status}).` });
    } catch (error) {
      setFlash({ tone: "error", text: `Could not remove ${url}: ${errorMessage(error)}` });
    }
    setRowSelection((current) => {
      const { [id]: _removed, ...rest } = current;
      return rest;
    });
    refresh();
  }

  const pageRows = table.getRowModel().rows;
  const colSpan = columns.length;
  const showSkeleton = query.isPending;

  return (
    <div>
      <DataTableToolbar team={team} canWrite={canWrite} search={search} onSearch={setSearch} />
      {flash ? (
        <div className="mb-3">
          <Notice tone={flash.tone}>{flash.text}</Notice>
        </div>
      ) : null}
      {canWrite && (selectedIds.length > 0 || allMatching) ? (
        <BulkActionBar
          selectedCount={selectedIds.length}
          total={total}
          allMatching={allMatching}
          canSelectAllMatching={table.getIsAllPageRowsSelected() && total > pageRows.length}
          onSelectAllMatching={() => setAllMatching(true)}
          onClear={clearSelection}
          onDelete={askBulkDelete}
          escapeEnabled={pendingDelete === null}
          busy={bulkDelete.busy}
        />
      ) : null}
      {/* Fixed layout: the URL column gets what the sized columns leave, so a long slug clips instead of widening the table. */}
      <Table aria-busy={query.isFetching} aria-label="Do Not Contact entries" className="table-fixed">
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sortable = header.column.id === "createdAt";
                return (
                  <Th
                    key={header.id}
                    style={header.column.id === "url" ? undefined : { width: header.column.getSize() }}
                    aria-sort={sortable ? (order === "desc" ? "descending" : "ascending") : undefined}
                  >
                    {sortable ? (
                      <button
                        type="button"
                        className="inline-flex items-center gap-1 uppercase hover:text-zinc-900"
                        onClick={() => header.column.toggleSorting(order === "desc" ? false : true)}
                        aria-label={`Added, ${order === "desc" ? "newest first" : "oldest first"}; change order`}
                      >
                        Added <span aria-hidden="true">{order === "desc" ? "↓" : "↑"}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </Th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {showSkeleton ? (
            Array.from({ length: 8 }, (_, index) => (
              <tr key={index} data-testid="skeleton-row">
                {columns.map((column) => (
                  <Td key={column.id}>
                    <Skeleton className={column.id === "url" ? "h-4 w-72" : "h-4 w-full max-w-24"} />
                  </Td>
                ))}
              </tr>
            ))
          ) : query.isError ? (
            <tr>
              <Td colSpan={colSpan} className="h-32 text-center">
                <p className="text-red-700">Could not load the entries: {errorMessage(query.error)}</p>
                <Button size="sm" className="mt-2" onClick={() => void query.refetch()}>
                  Try again
                </Button>
              </Td>
            </tr>
          ) : pageRows.length === 0 ? (
            <tr>
              <Td colSpan={colSpan} className="h-32 text-center text-zinc-500">
                {q ? `No entries match “${q}”.` : canWrite ? "The list is empty. Add a URL or import a CSV to start." : "The list is empty."}
              </Td>
            </tr>
          ) : (
            pageRows.map((row) => (
              <tr key={row.id} data-state={row.getIsSelected() ? "selected" : undefined} className="hover:bg-zinc-50 data-[state=selected]:bg-indigo-50/60">
                {row.getVisibleCells().map((cell) => (
                  <Td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</Td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <DataTablePagination table={table} total={total} />
      <DeleteConfirmDialog target={pendingDelete} onCancel={() => setPendingDelete(null)} onConfirm={(reason) => void confirmDelete(reason)} />
    </div>
  );
}
