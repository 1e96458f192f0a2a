"use client";

import type { Table } from "@tanstack/react-table";
import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { DataTableDateRangeFilter } from "@/components/ui/data-table-date-range-filter";
import { DataTableFacetedFilter, type FacetOption } from "@/components/ui/data-table-faceted-filter";
import { DataTableViewOptions } from "@/components/ui/data-table-view-options";
import { Input } from "@/components/ui/input";
import type { Client } from "@/lib/clients/schemas";
import { CATEGORY_LABELS, ENTRY_CATEGORIES } from "@/lib/dnc/categories";
import { type DncEntryDto, ENTRY_KINDS, ENTRY_SOURCES, type EntryFacets } from "@/lib/dnc/schemas";
import { KIND_LABELS } from "./columns";
import { AddEntryDialog } from "./add-entry-dialog";
import type { EntriesFilter } from "./entries-url-state";
import { SOURCE_LABELS } from "./entry-source";
import { ExportButton } from "./export-button";
import { ExpiresWithinFilter } from "./expires-within-filter";
import { ClientFilter } from "./client-filter";

/** Search, the filters (kind, category, opt-out window, source, author, dates added, expiry, client), Reset and the View menu; then Export (of what is filtered) and Add. */
export function DataTableToolbar({
  table,
  team,
  canWrite,
  search,
  onSearch,
  filter,
  filtered,
  onReset,
  facets,
  clients,
}: {
  table: Table<DncEntryDto>;
  team: string;
  canWrite: boolean;
  search: string;
  onSearch: (value: string) => void;
  filter: EntriesFilter;
  filtered: boolean;
  onReset: () => void;
  facets?: EntryFacets;
  /** The team's clients, or null when the team has none (no Client filter, and Add offers no choice of list). */
  clients: readonly Client[] | null;
}) {
  const searchBox = useRef<HTMLInputElement>(null);
  return (
    <div className="mb-3 flex flex-wrap items-center gap-2">
      <Input
        ref={searchBox}
        type="search"
        aria-label="Search entries"
        placeholder="Search URLs…"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        className="w-full sm:w-56"
      />
      <DataTableFacetedFilter column={table.getColumn("kind")!} title="Kind" options={KIND_OPTIONS} />
      <DataTableFacetedFilter column={table.getColumn("category")!} title="Category" options={CATEGORY_OPTIONS} />
      <DataTableFacetedFilter column={table.getColumn("received")!} title="Window" options={WINDOW_OPTIONS} />
      <DataTableFacetedFilter column={table.getColumn("source")!} title="Source" options={sourceOptions(facets)} />
      <DataTableFacetedFilter column={table.getColumn("createdBy")!} title="Added by" options={authorOptions(facets, filter)} />
      <DataTableDateRangeFilter column={table.getColumn("createdAt")!} title="Added" hint="days in UTC" />
      <ExpiresWithinFilter column={table.getColumn("expiresAt")!} />
      {clients ? <ClientFilter column={table.getColumn("client")!} clients={clients} /> : null}
      {filtered ? (
        <Button
          variant="ghost"
          onClick={() => {
            onReset();
            // Reset goes away with the filters; focus goes to the search box, not back to the page's start.
            searchBox.current?.focus();
          }}
        >
          Reset <span aria-hidden="true">✕</span>
        </Button>
      ) : null}
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <DataTableViewOptions table={table} />
        <ExportButton team={team} filter={filter} />
        {canWrite ? <AddEntryDialog team={team} clients={clients ?? []} /> : null}
      </div>
    </div>
  );
}

const KIND_OPTIONS: FacetOption[] = ENTRY_KINDS.map((kind) => ({ value: kind, label: KIND_LABELS[kind] }));
const CATEGORY_OPTIONS: FacetOption[] = ENTRY_CATEGORIES.map((category) => ({ value: category, label: CATEGORY_LABELS[category] }));
const WINDOW_OPTIONS: FacetOption[] = [
  { value: "late", label: "Added late" },
  { value: "on_time", label: "Added in time" },
];

/** Every source, with its count once the facets have come. */
function sourceOptions(facets: EntryFacets | undefined): FacetOption[] {
  const counts = new Map(facets?.source.map((facet) => [facet.value, facet.count]));
  return ENTRY_SOURCES.map((source) => ({
    value: source,
    label: SOURCE_LABELS[source],
    count: facets ? (counts.get(source) ?? 0) : undefined,
  }));
}

/** The authors the facets name, and any chosen one they do not (a link may name an author with no entries left). */
function authorOptions(facets: EntryFacets | undefined, filter: EntriesFilter): FacetOption[] {
  const options: FacetOption[] = (facets?.createdBy ?? []).map((facet) => ({ value: facet.value, label: facet.value, count: facet.count }));
  for (const author of filter.createdBy) {
    if (!options.some((option) => option.value === author)) options.push({ value: author, label: author, count: facets ? 0 : undefined });
  }
  return options;
}
