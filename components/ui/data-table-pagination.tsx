"use client";

import type { Table } from "@tanstack/react-table";
import { formatNumber } from "@/lib/format";
import { Button } from "./button";

const PAGE_SIZES = [10, 25, 50, 100];

/**
 * Page size, position and page buttons for a paginated table. With server-side paging the table
 * has `manualPagination` and a `rowCount` (the server's total); otherwise it counts its own rows.
 */
export function DataTablePagination<TData>({ table, pageSizes = PAGE_SIZES }: { table: Table<TData>; pageSizes?: number[] }) {
  const { pageIndex, pageSize } = table.getState().pagination;
  const total = table.getRowCount();
  const pageCount = Math.max(1, table.getPageCount());
  const first = pageIndex * pageSize + 1;
  const last = Math.min(total, (pageIndex + 1) * pageSize);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 px-1 py-3 text-sm text-muted-foreground">
      <p aria-live="polite">{total === 0 ? "No results" : `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)}`}</p>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2">
          Rows per page
          <select
            className="h-8 rounded-md border border-input bg-surface px-2 text-sm"
            value={pageSize}
            onChange={(event) => table.setPagination({ pageIndex: 0, pageSize: Number(event.target.value) })}
          >
            {pageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </label>
        <span>
          Page {formatNumber(pageIndex + 1)} of {formatNumber(pageCount)}
        </span>
        <div className="flex gap-1">
          <Button size="sm" aria-label="First page" onClick={() => table.firstPage()} disabled={!table.getCanPreviousPage()}>
            «
          </Button>
          <Button size="sm" aria-label="Previous page" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            ‹ Prev
          </Button>
          <Button size="sm" aria-label="Next page" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next ›
          </Button>
          <Button size="sm" aria-label="Last page" onClick={() => table.lastPage()} disabled={!table.getCanNextPage()}>
            »
          </Button>
        </div>
      </div>
    </div>
  );
}
