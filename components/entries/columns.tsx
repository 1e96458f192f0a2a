"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { DataTableColumnHeader } from "@/components/ui/data-table-column-header";
import { DataTableRowActions } from "@/components/ui/data-table-row-actions";
import { createSelectColumn } from "@/components/ui/data-table-select-column";
import { DateTime } from "@/components/ui/date-time";
import { GLOBAL_LIST } from "@/lib/clients/schemas";
import { CATEGORY_LABELS, isProtectedCategory } from "@/lib/dnc/categories";
import type { DncEntryDto, EntryKind } from "@/lib/dnc/schemas";
import { ClientName } from "./client-name";
import { EntryAliases } from "./entry-aliases";
import { describeSource } from "./entry-source";
import { ProfileUrl } from "./profile-url";

export type EntryActions = {
  onCopy: (entry: DncEntryDto) => void;
  onShowHistory: (entry: DncEntryDto) => void;
  onAddAlias: (entry: DncEntryDto) => void;
  onEdit: (entry: DncEntryDto) => void;
  onDelete: (entry: DncEntryDto) => void;
};

/**
 * Select first, actions last (shadcn's layout); only people who may write get the select column and
 * the writes (Add alias, Delete). The ids `url` and `createdAt` are the API's `sort` values; `source`, `createdBy` and
 * `createdAt` carry the filters. Secondary columns leave narrow screens to the URL.
 */
/** How the table names an entry's kind. */
export const KIND_LABELS: Record<EntryKind, string> = { profile: "Person", company: "Company", domain: "Domain" };

export function createColumns(options: { canWrite: boolean; canRemoveProtected: boolean } & EntryActions): ColumnDef<DncEntryDto>[] {
  const select = createSelectColumn<DncEntryDto>({ rowLabel: (entry) => `Select ${entry.url}` });
  const columns: ColumnDef<DncEntryDto>[] = [
    {
      id: "url",
      accessorKey: "url",
      header: ({ column }) => <DataTableColumnHeader column={column} title="Profile URL" words={{ asc: "A to Z", desc: "Z to A" }} />,
      cell: ({ row }) => (
        <>
          <ProfileUrl url={row.original.url} />
          {row.original.kind ? (
            <span className="ml-2 rounded border border-border px-1.5 py-0.5 text-xs text-muted-foreground">
              {row.original.kind === "domain" && row.original.includeSubdomains ? "Domain and subdomains" : KIND_LABELS[row.original.kind]}
            </span>
          ) : null}
          {row.original.aliases ? <EntryAliases url={row.original.url} aliases={row.original.aliases} canWrite={options.canWrite} /> : null}
        </>
      ),
      enableHiding: false,
    },
    {
      // Shown once the team has clients, from xl (below, the URL would have no room left; View shows it); carries the Client filter.
      id: "client",
      accessorFn: (entry) => entry.clientId ?? GLOBAL_LIST,
      header: "Client",
      cell: ({ row }) => <ClientName clientId={row.original.clientId} />,
      enableSorting: false,
      meta: { width: 150, title: "Client", hideBelow: "xl" },
    },
    {
      // Hidden unless chosen in View: the URL cell already names company and domain entries; the column carries the Kind filter.
      id: "kind",
      accessorFn: (entry) => entry.kind ?? "profile",
      header: "Kind",
      cell: ({ row }) => KIND_LABELS[row.original.kind ?? "profile"],
      enableSorting: false,
      filterFn: "arrIncludesSome",
      meta: { width: 120, title: "Kind", hideBelow: "md" },
    },
    {
      id: "category",
      accessorFn: (entry) => entry.category ?? "opt_out",
      header: "Category",
      cell: ({ row }) => <CategoryCell entry={row.original} />,
      enableSorting: false,
      filterFn: "arrIncludesSome",
      meta: { width: 150, title: "Category", hideBelow: "lg" },
    },
    {
      // Hidden unless chosen in View; carries the late / on time filter.
      id: "received",
      accessorFn: (entry) => (entry.late ? "late" : "on_time"),
      header: "Received",
      cell: ({ row }) => (
        <DateTime iso={row.original.receivedAt ?? row.original.$createdAt} className="whitespace-nowrap text-muted-foreground" />
      ),
      enableSorting: false,
      filterFn: "arrIncludesSome",
      meta: { width: 180, title: "Received", hideBelow: "md" },
    },
    {
      id: "createdAt",
      accessorKey: "$createdAt",
      header: ({ column }) => <DataTableColumnHeader column={column} title="Added" words={{ asc: "oldest first", desc: "newest first" }} />,
      cell: ({ row }) => <DateTime iso={row.original.$createdAt} className="whitespace-nowrap text-muted-foreground" />,
      meta: { width: 180, title: "Added", hideBelow: "sm" },
    },
    {
      id: "createdBy",
      accessorKey: "createdBy",
      header: "Added by",
      cell: ({ row }) => <Clipped text={row.original.createdBy} />,
      enableSorting: false,
      filterFn: "arrIncludesSome",
      meta: { width: 200, title: "Added by", hideBelow: "lg" },
    },
    {
      id: "source",
      accessorKey: "source",
      header: "Source",
      cell: ({ row }) => <Clipped text={describeSource(row.original)} />,
      enableSorting: false,
      filterFn: "arrIncludesSome",
      meta: { width: 160, title: "Source", hideBelow: "md" },
    },
    {
      id: "note",
      accessorKey: "note",
      header: "Note",
      cell: ({ row }) => (row.original.note ? <Clipped text={row.original.note} /> : null),
      enableSorting: false,
      meta: { width: 220, title: "Note", hideBelow: "xl" },
    },
    {
      // Hidden unless chosen in View (or opened on its filter); carries the "Expires within" filter.
      id: "expiresAt",
      accessorKey: "expiresAt",
      header: "Expires",
      cell: ({ row }) =>
        row.original.expiresAt ? <DateTime iso={row.original.expiresAt} className="whitespace-nowrap text-muted-foreground" /> : null,
      enableSorting: false,
      meta: { width: 180, title: "Expires", hideBelow: "sm" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <DataTableRowActions
          label={`Actions for ${row.original.url}`}
          actions={[
            { label: "Copy URL", onSelect: () => options.onCopy(row.original) },
            { label: "History", onSelect: () => options.onShowHistory(row.original) },
            ...(options.canWrite
              ? [
                  { label: "Edit", onSelect: () => options.onEdit(row.original) },
                  // A company or domain entry is one identifier: only a person's entry has aliases.
                  ...((row.original.kind ?? "profile") === "profile"
                    ? [{ label: "Add alias", onSelect: () => options.onAddAlias(row.original) }]
                    : []),
                  // Complaint and legal entries: only an owner removes one.
                  ...(!isProtectedCategory(row.original.category) || options.canRemoveProtected
                    ? [{ label: "Delete", onSelect: () => options.onDelete(row.original), destructive: true }]
                    : []),
                ]
              : []),
          ]}
        />
      ),
      enableHiding: false,
      meta: { width: 56 },
    },
  ];
  return options.canWrite ? [select, ...columns] : columns;
}

/** One line, cut to the cell; the whole text in the tooltip. */
function Clipped({ text }: { text: string }) {
  return (
    <span className="block truncate text-muted-foreground" title={text}>
      {text}
    </span>
  );
}

/** The category (protected ones say so), and "late" when the entry was added past its opt-out window. */
function CategoryCell({ entry }: { entry: DncEntryDto }) {
  const category = entry.category ?? "opt_out";
  return (
    <span className="flex flex-wrap items-center gap-1 text-muted-foreground">
      {CATEGORY_LABELS[category]}
      {isProtectedCategory(category) ? (
        <span className="rounded border border-border px-1.5 py-0.5 text-xs" title="Only an owner can remove it">
          Protected
        </span>
      ) : null}
      {entry.late ? (
        <span
          className="rounded border border-border px-1.5 py-0.5 text-xs"
          title="Added later than the team's opt-out window after it was received"
        >
          Late
        </span>
      ) : null}
    </span>
  );
}
