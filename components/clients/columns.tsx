"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import type { Client } from "@/lib/clients/schemas";
import { formatNumber } from "@/lib/format";

/** Name and entry count always; when it was added from sm; Rename and Delete for those who manage clients. */
export function createClientColumns(options: {
  canManage: boolean;
  onRename: (client: Client) => void;
  onDelete: (client: Client) => void;
}): ColumnDef<Client>[] {
  const columns: ColumnDef<Client>[] = [
    { id: "name", header: "Name", cell: ({ row }) => <span className="font-medium break-words">{row.original.name}</span> },
    {
      id: "entries",
      header: "Entries",
      cell: ({ row }) => <span className="tabular-nums">{formatNumber(row.original.entries)}</span>,
      meta: { width: 96 },
    },
    {
      id: "createdAt",
      header: "Added",
      cell: ({ row }) => <DateTime iso={row.original.createdAt} className="whitespace-nowrap text-muted-foreground" />,
      meta: { width: 176, className: "hidden sm:table-cell" },
    },
  ];
  if (!options.canManage) return columns;
  return [
    ...columns,
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <div className="flex justify-end gap-1">
          <Button size="sm" variant="ghost" onClick={() => options.onRename(row.original)} aria-label={`Rename ${row.original.name}`}>
            Rename
          </Button>
          <Button
            size="sm"
            variant="ghost-danger"
            onClick={() => options.onDelete(row.original)}
            aria-label={`Delete ${row.original.name}`}
          >
            Delete
          </Button>
        </div>
      ),
      meta: { width: 160 },
    },
  ];
}
