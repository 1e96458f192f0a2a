"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import type { ApiKey } from "@/lib/api-keys/schemas";
import { formatDateTime } from "@/lib/format";

/** On a phone: name, scope and the revoke button; the key's prefix and client join from sm, the dates from md. */
export function createColumns(options: { onRevoke: (key: ApiKey) => void; clientName: (id: string) => string }): ColumnDef<ApiKey>[] {
  return [
    { id: "name", header: "Name", cell: ({ row }) => row.original.name },
    {
      id: "prefix",
      header: "Key",
      cell: ({ row }) => <span className="font-mono text-[13px]">{row.original.prefix}…</span>,
      meta: { width: 144, className: "hidden sm:table-cell" },
    },
    { id: "scope", header: "Scope", cell: ({ row }) => row.original.scope, meta: { width: 80 } },
    {
      id: "client",
      header: "Client",
      cell: ({ row }) =>
        row.original.clientId ? options.clientName(row.original.clientId) : <span className="text-muted-foreground">Team-wide</span>,
      meta: { className: "hidden sm:table-cell" },
    },
    {
      id: "createdAt",
      header: "Created",
      cell: ({ row }) => formatDateTime(row.original.createdAt),
      meta: { width: 176, className: "hidden md:table-cell" },
    },
    {
      id: "lastUsedAt",
      header: "Last used",
      cell: ({ row }) => (row.original.lastUsedAt ? formatDateTime(row.original.lastUsedAt) : "Never"),
      meta: { width: 176, className: "hidden md:table-cell" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) =>
        row.original.revokedAt ? (
          <span className="text-xs">Revoked</span>
        ) : (
          <Button
            size="sm"
            variant="ghost-danger"
            onClick={() => options.onRevoke(row.original)}
            aria-label={`Revoke ${row.original.name}`}
          >
            Revoke
          </Button>
        ),
      meta: { width: 112 },
    },
  ];
}
