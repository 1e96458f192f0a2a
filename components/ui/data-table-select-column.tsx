"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Checkbox } from "./checkbox";

/**
 * The checkbox column for row selection, placed first. The header selects the page on screen
 * only: with server-side paging, rows on other pages are not loaded, so they cannot be ticked.
 */
export function createSelectColumn<TData>({ rowLabel }: { rowLabel: (row: TData) => string }): ColumnDef<TData> {
  return {
    id: "select",
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all on this page"
        checked={table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false}
        onCheckedChange={(value) => table.toggleAllPageRowsSelected(value === true)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox
        aria-label={rowLabel(row.original)}
        checked={row.getIsSelected()}
        onCheckedChange={(value) => row.toggleSelected(value === true)}
      />
    ),
    enableSorting: false,
    meta: { width: 40 },
  };
}
