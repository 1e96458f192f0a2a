"use client";

import { type Column, flexRender, type Row, type RowData, type Table as TanStackTable } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { Skeleton } from "./skeleton";
import { Table, Td, Th } from "./table";

declare module "@tanstack/react-table" {
  // An interface, not a type: module augmentation merges into TanStack's own declaration, whose
  // type parameters it must repeat even though this field uses neither.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface ColumnMeta<TData extends RowData, TValue> {
    /** A fixed width in pixels. TanStack gives every column a default `size`, so it cannot say which are meant to be fixed. */
    width?: number;
    /** Classes for the column's header and cells, e.g. `hidden md:table-cell`: a secondary column leaves small screens to the primary ones. */
    className?: string;
  }
}

type DataTableProps<TData> = {
  /** Built by the page with useReactTable: the page owns columns, data, paging, sorting and selection. */
  table: TanStackTable<TData>;
  /** The table's accessible name. */
  label: string;
  /** Nothing to show yet: skeleton rows stand in for the data. */
  loading?: boolean;
  /** Newer data is on its way while the current rows stay in view. */
  busy?: boolean;
  /** Replaces the rows; `onRetry` adds a Try again button. */
  error?: string | null;
  onRetry?: () => void;
  /** Replaces the rows when there are none. */
  empty: ReactNode;
  skeletonRows?: number;
  className?: string;
  rowClassName?: (row: Row<TData>) => string | undefined;
};

/**
 * Renders a TanStack table (headers, rows, and the loading, error and empty states) and holds no
 * state of its own. A column with `meta.width` gets that width; the others share what is left.
 */
export function DataTable<TData>({
  table,
  label,
  loading,
  busy,
  error,
  onRetry,
  empty,
  skeletonRows = 8,
  className,
  rowClassName,
}: DataTableProps<TData>) {
  const columns = table.getVisibleLeafColumns();
  const rows = table.getRowModel().rows;
  return (
    <Table aria-label={label} aria-busy={busy} className={className}>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <Th
                key={header.id}
                className={header.column.columnDef.meta?.className}
                colSpan={header.colSpan}
                style={{ width: header.column.columnDef.meta?.width }}
                aria-sort={ariaSort(header.column)}
              >
                {header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}
              </Th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {loading ? (
          Array.from({ length: skeletonRows }, (_, index) => (
            <tr key={index} data-testid="skeleton-row">
              {columns.map((column) => (
                <Td key={column.id} className={column.columnDef.meta?.className}>
                  <Skeleton className="h-4 w-full max-w-72" />
                </Td>
              ))}
            </tr>
          ))
        ) : error ? (
          <tr>
            <Td colSpan={columns.length} className="h-32 text-center">
              <p className="text-danger-text">{error}</p>
              {onRetry ? (
                <Button size="sm" className="mt-2" onClick={onRetry}>
                  Try again
                </Button>
              ) : null}
            </Td>
          </tr>
        ) : rows.length === 0 ? (
          <tr>
            <Td colSpan={columns.length} className="h-32 text-center text-muted-foreground">
              {empty}
            </Td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr
              key={row.id}
              data-state={row.getIsSelected() ? "selected" : undefined}
              className={cn("hover:bg-subtle data-[state=selected]:bg-accent-soft/60", rowClassName?.(row))}
            >
              {row.getVisibleCells().map((cell) => (
                <Td key={cell.id} className={cell.column.columnDef.meta?.className}>
                  {flexRender(cell.column.columnDef.cell, cell.getContext())}
                </Td>
              ))}
            </tr>
          ))
        )}
      </tbody>
    </Table>
  );
}

/** Screen readers announce the order on the header cell itself; unsortable columns say nothing. */
function ariaSort<TData>(column: Column<TData>) {
  if (!column.getCanSort()) return undefined;
  const sorted = column.getIsSorted();
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
}
