"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { DataTableColumnHeader } from "@/components/ui/data-table-column-header";
import { createSelectColumn } from "@/components/ui/data-table-select-column";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { formatDateTime } from "@/lib/format";
import { ProfileUrl } from "./profile-url";

/** The sort the list starts with, and the only one the API offers: by creation time. */
export const CREATED_AT = "createdAt";

/** Select first, actions last (shadcn's layout); the select and delete columns exist only for people who may write. */
export function createColumns(options: {
  canWrite: boolean;
  onDelete: (entry: DncEntryDto) => void;
  onHistory: (url: string) => void;
}): ColumnDef<DncEntryDto>[] {
  const select = createSelectColumn<DncEntryDto>({ rowLabel: (entry) => `Select ${entry.url}` });
  const url: ColumnDef<DncEntryDto> = {
    id: "url",
    header: "Profile URL",
    cell: ({ row }) => <ProfileUrl url={row.original.url} />,
    enableSorting: false,
  };
  const createdAt: ColumnDef<DncEntryDto> = {
    id: CREATED_AT,
    accessorKey: "$createdAt",
    header: ({ column }) => <DataTableColumnHeader column={column} title="Added" words={{ asc: "oldest first", desc: "newest first" }} />,
    cell: ({ row }) => (
      <time dateTime={row.original.$createdAt} className="whitespace-nowrap text-muted-foreground">
        {formatDateTime(row.original.$createdAt)}
      </time>
    ),
    meta: { width: 200, className: "hidden sm:table-cell" },
  };
  const actions: ColumnDef<DncEntryDto> = {
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <div className="flex gap-1">
        <Button size="sm" variant="ghost" aria-label={`History of ${row.original.url}`} onClick={() => options.onHistory(row.original.url)}>
          History
        </Button>
        <Button size="sm" variant="ghost-danger" aria-label={`Delete ${row.original.url}`} onClick={() => options.onDelete(row.original)}>
          Delete
        </Button>
      </div>
    ),
    meta: { width: 160 },
  };
  return options.canWrite ? [select, url, createdAt, actions] : [url, createdAt];
}
