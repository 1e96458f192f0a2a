"use client";

import { type ColumnFiltersState, functionalUpdate, type PaginationState, type SortingState, type Updater } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import type { DateRange } from "@/components/ui/data-table-date-range-filter";
import type { EntryCategory } from "@/lib/dnc/categories";
import type { EntryKind, EntrySource } from "@/lib/dnc/schemas";
import { type EntriesFilter, type EntriesView, filterParams, readEntriesView, writeEntriesView } from "./entries-url-state";

type Update = (current: EntriesView) => EntriesView;

/**
 * The entries table's state, kept in the page URL: the URL is the only copy, so a reload, a shared
 * link and the back button all show the same view. Changes replace the history entry (typing a
 * search would otherwise fill the history) without a round trip to the server. A new search,
 * filter or order starts at page one.
 */
export function useEntriesView() {
  const searchParams = useSearchParams();
  const view = useMemo(() => readEntriesView(searchParams), [searchParams]);

  const setView = useCallback((update: Update) => {
    // The location, not the last render: two changes in one event must not undo each other.
    const current = readEntriesView(new URLSearchParams(window.location.search));
    let next = update(current);
    const reordered = next.sort !== current.sort || next.order !== current.order;
    if (reordered || filterParams(next).toString() !== filterParams(current).toString()) next = { ...next, pageIndex: 0 };
    const query = writeEntriesView(next).toString();
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }, []);

  // The view in TanStack's terms, and TanStack's changes written back to the URL.
  const table = useMemo(
    () => ({
      state: {
        sorting: [{ id: view.sort, desc: view.order === "desc" }] satisfies SortingState,
        pagination: { pageIndex: view.pageIndex, pageSize: view.pageSize } satisfies PaginationState,
        columnFilters: columnFiltersOf(view),
      },
      onSortingChange: (updater: Updater<SortingState>) =>
        setView((current) => {
          const [first] = functionalUpdate(updater, [{ id: current.sort, desc: current.order === "desc" }]);
          return first ? { ...current, sort: first.id as EntriesView["sort"], order: first.desc ? "desc" : "asc" } : current;
        }),
      onPaginationChange: (updater: Updater<PaginationState>) =>
        setView((current) => ({ ...current, ...functionalUpdate(updater, { pageIndex: current.pageIndex, pageSize: current.pageSize }) })),
      onColumnFiltersChange: (updater: Updater<ColumnFiltersState>) =>
        setView((current) => ({ ...current, ...filterOfColumns(functionalUpdate(updater, columnFiltersOf(current))) })),
    }),
    [view, setView],
  );

  return { view, setView, table };
}

function columnFiltersOf(view: EntriesView): ColumnFiltersState {
  const filters: ColumnFiltersState = [];
  if (view.kind.length > 0) filters.push({ id: "kind", value: view.kind });
  if (view.category.length > 0) filters.push({ id: "category", value: view.category });
  if (view.late !== null) filters.push({ id: "received", value: [view.late ? "late" : "on_time"] });
  if (view.source.length > 0) filters.push({ id: "source", value: view.source });
  if (view.createdBy.length > 0) filters.push({ id: "createdBy", value: view.createdBy });
  if (view.from || view.to) filters.push({ id: "createdAt", value: { from: view.from ?? undefined, to: view.to ?? undefined } });
  if (view.expiresWithin !== null) filters.push({ id: "expiresAt", value: view.expiresWithin });
  if (view.client !== null) filters.push({ id: "client", value: view.client });
  return filters;
}

function filterOfColumns(filters: ColumnFiltersState): Omit<EntriesFilter, "q"> {
  const value = (id: string) => filters.find((filter) => filter.id === id)?.value;
  const range = value("createdAt") as DateRange | undefined;
  return {
    kind: (value("kind") as EntryKind[] | undefined) ?? [],
    category: (value("category") as EntryCategory[] | undefined) ?? [],
    late: lateOf(value("received") as string[] | undefined),
    source: (value("source") as EntrySource[] | undefined) ?? [],
    createdBy: (value("createdBy") as string[] | undefined) ?? [],
    from: range?.from ?? null,
    to: range?.to ?? null,
    expiresWithin: (value("expiresAt") as number | undefined) ?? null,
    client: (value("client") as string | undefined) ?? null,
  };
}

/** One of "late" and "on time" chosen filters by it; both or neither is no filter. */
function lateOf(values: string[] | undefined): boolean | null {
  return values?.length === 1 ? values[0] === "late" : null;
}
