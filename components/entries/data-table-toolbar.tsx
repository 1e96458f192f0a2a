"use client";

import { Input } from "@/components/ui/input";
import { AddEntryDialog } from "./add-entry-dialog";
import { ExportButton } from "./export-button";

export function DataTableToolbar({
  team,
  canWrite,
  search,
  onSearch,
}: {
  team: string;
  canWrite: boolean;
  search: string;
  onSearch: (value: string) => void;
}) {
  return (
    <div className="mb-3 flex flex-wrap items-center gap-3">
      <Input
        type="search"
        aria-label="Search entries"
        placeholder="Search URLs…"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        className="max-w-xs"
      />
      <div className="ml-auto flex items-center gap-2">
        <ExportButton team={team} />
        {canWrite ? <AddEntryDialog team={team} /> : null}
      </div>
    </div>
  );
}
