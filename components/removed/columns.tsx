"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { ProfileUrl } from "@/components/entries/profile-url";
import { Button } from "@/components/ui/button";
import { DataTableRowActions } from "@/components/ui/data-table-row-actions";
import { createSelectColumn } from "@/components/ui/data-table-select-column";
import type { RemovedEntryDto } from "@/lib/dnc/schemas";
import { formatDateTime, formatNumber } from "@/lib/format";

function Time({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} className="block whitespace-nowrap text-muted-foreground">
      {formatDateTime(iso)}
    </time>
  );
}

/**
 * Select first, actions last; selecting and restoring are for people who may write, the history and
 * a removal's run (the bulk delete it was part of) are for everyone.
 */
export function createRemovedColumns(options: {
  canWrite: boolean;
  onRestore: (entry: RemovedEntryDto) => void;
  onRestoreRun: (entry: RemovedEntryDto) => void;
  onShowRun: (entry: RemovedEntryDto) => void;
  onHistory: (url: string) => void;
}): ColumnDef<RemovedEntryDto>[] {
  const columns: ColumnDef<RemovedEntryDto>[] = [
    { id: "url", header: "Profile URL", cell: ({ row }) => <ProfileUrl url={row.original.url} /> },
    {
      id: "removed",
      header: "Removed",
      // When and by whom in one cell: the URL keeps the room it needs.
      cell: ({ row }) => (
        <>
          <Time iso={row.original.removedAt} />
          <span className="block truncate text-xs text-muted-foreground" title={row.original.removedBy}>
            by {row.original.removedBy}
          </span>
          {row.original.run.size > 1 ? (
            <span className="block text-xs text-muted-foreground">in a run of {formatNumber(row.original.run.size)}</span>
          ) : null}
        </>
      ),
      meta: { width: 180, className: "hidden sm:table-cell" },
    },
    {
      id: "reason",
      header: "Reason",
      cell: ({ row }) => row.original.reason ?? <span className="text-muted-foreground">—</span>,
      meta: { className: "hidden md:table-cell" },
    },
    {
      id: "restorableUntil",
      header: "Restorable until",
      cell: ({ row }) => <Time iso={row.original.restorableUntil} />,
      meta: { width: 150, className: "hidden md:table-cell" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <div className="flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            aria-label={`History of ${row.original.url}`}
            onClick={() => options.onHistory(row.original.url)}
          >
            History
          </Button>
          {options.canWrite ? (
            <Button size="sm" variant="ghost" aria-label={`Restore ${row.original.url}`} onClick={() => options.onRestore(row.original)}>
              Restore
            </Button>
          ) : null}
          {row.original.run.size > 1 ? <RunActions entry={row.original} {...options} /> : null}
        </div>
      ),
      meta: { width: options.canWrite ? 190 : 120 },
    },
  ];
  return options.canWrite ? [createSelectColumn<RemovedEntryDto>({ rowLabel: (entry) => `Select ${entry.url}` }), ...columns] : columns;
}

/** A removal that was part of a bulk delete: show the whole run, or (people who may write) restore it. */
function RunActions({
  entry,
  canWrite,
  onShowRun,
  onRestoreRun,
}: {
  entry: RemovedEntryDto;
  canWrite: boolean;
  onShowRun: (entry: RemovedEntryDto) => void;
  onRestoreRun: (entry: RemovedEntryDto) => void;
}) {
  const entries = `${formatNumber(entry.run.size)} entries`;
  return (
    <DataTableRowActions
      label={`Run actions for ${entry.url}`}
      actions={[
        { label: `Show this run (${entries})`, onSelect: () => onShowRun(entry) },
        ...(canWrite ? [{ label: `Restore this run (${entries})`, onSelect: () => onRestoreRun(entry) }] : []),
      ]}
    />
  );
}
