"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { ProfileUrl } from "./profile-url";
import { formatDateTime } from "@/lib/format";

/** Select first, actions last (shadcn's layout); the select and delete columns exist only for people who may write. */
export function createColumns(options: { canWrite: boolean; onDelete: (entry: DncEntryDto) => void }): ColumnDef<DncEntryDto>[] {
  const select: ColumnDef<DncEntryDto> = {
    id: "select",
    header: ({ table }) => (
      <Checkbox
        aria-label="Select all on this page"
        checked={table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false}
        onCheckedChange={(value) => table.toggleAllPageRowsSelected(value === true)}
      />
    ),
    cell: ({ row }) => (
      <Checkbox aria-label={`Select ${row.original.url}`} checked={row.getIsSelected()} onCheckedChange={(value) => row.toggleSelected(value === true)} />
    ),
    size: 40,
  };
  const url: ColumnDef<DncEntryDto> = {
    id: "url",
    header: "Profile URL",
    cell: ({ row }) => <ProfileUrl url={row.original.url} />,
  };
  const createdAt: ColumnDef<DncEntryDto> = {
    id: "createdAt",
    header: "Added",
    enableSorting: true,
    cell: ({ row }) => <time dateTime={row.original.$createdAt} className="whitespace-nowrap text-zinc-600">{formatDateTime(row.original.$createdAt)}</time>,
    size: 200,
  };
  const actions: ColumnDef<DncEntryDto> = {
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" aria-label={`Delete ${row.original.url}`} onClick={() => options.onDelete(row.original)}>
        Delete
      </Button>
    ),
    size: 90,
  };
  return options.canWrite ? [select, url, createdAt, actions] : [url, createdAt];
}
