"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { DncEntryDto } from "@/lib/dnc/schemas";

const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

export function formatDate(iso: string) {
  return DATE_FORMAT.format(new Date(iso));
}

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
    cell: ({ row }) => (
      <span className="font-mono text-[13px] text-zinc-900" title={row.original.url}>
        {readableUrl(row.original.url)}
      </span>
    ),
  };
  const createdAt: ColumnDef<DncEntryDto> = {
    id: "createdAt",
    header: "Added",
    enableSorting: true,
    cell: ({ row }) => <time dateTime={row.original.$createdAt} className="whitespace-nowrap text-zinc-600">{formatDate(row.original.$createdAt)}</time>,
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

/** Stored URLs percent-encode non-ASCII slugs (…/in/%C3%A9lodie); people read them decoded (…/in/élodie). */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
