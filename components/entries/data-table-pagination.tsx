"use client";

import type { Table } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { formatNumber } from "@/lib/format";

const PAGE_SIZES = [10, 25, 50, 100];

export function DataTablePagination<Row>({ table, total }: { table: Table<Row>; total: number }) {
  const { pageIndex, pageSize } = table.getState().pagination;
  const pageCount = Math.max(1, table.getPageCount());
  const first = total === 0 ? 0 : pageIndex * pageSize + 1;
  const last = Math.min(total, (pageIndex + 1) * pageSize);
  return (
    <div className="flex flex-wrap items-center justify-between gap-3 px-1 py-3 text-sm text-zinc-600">
      <p aria-live="polite">
        {total === 0 ? "No entries" : `${formatNumber(first)}–${formatNumber(last)} of ${formatNumber(total)}`}
      </p>
      <div className="flex items-center gap-4">
        <label className="flex items-center gap-2">
          Rows per page
          <select
            className="h-8 rounded-md border border-zinc-300 bg-white px-2 text-sm"
            value={pageSize}
            onChange={(event) => table.setPagination({ pageIndex: 0, pageSize: Number(event.target.value) })}
          >
            {PAGE_SIZES.map((size) => (
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
          <Button size="sm" aria-label="First page" onClick={() => table.setPageIndex(0)} disabled={!table.getCanPreviousPage()}>
            «
          </Button>
          <Button size="sm" aria-label="Previous page" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
            ‹ Prev
          </Button>
          <Button size="sm" aria-label="Next page" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
            Next ›
          </Button>
          <Button size="sm" aria-label="Last page" onClick={() => table.setPageIndex(pageCount - 1)} disabled={!table.getCanNextPage()}>
            »
          </Button>
        </div>
      </div>
    </div>
  );
}
