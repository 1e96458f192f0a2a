"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { callApi, callApiPaced } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import type { DncEntryDto, ListEntriesResult } from "@/lib/dnc/schemas";
import { type EntriesFilter, type EntriesView, filterParams, filterQuery, listParams, listQuery } from "./entries-url-state";

/** The page size the API allows at most: fetching "everything" (export, select all matching) goes in these steps. */
const FULL_PAGE = 1000;

/** The first page as the server rendered it, and the list query it answers (`listParams(view)`). */
export type ServerPage = { key: string; result: ListEntriesResult };

export const entriesKey = (team: string) => ["dnc-entries", team] as const;

/** A page of the list and when it was asked for (epoch ms; absent for the server-rendered first page, asked for before any removal here). */
export type ListedPage = ListEntriesResult & { requestedAt?: number };

/**
 * One page of the list for a view (search, filters, sort, page); the previous page stays on screen
 * while the next loads. `serverPage` seeds the cache when it answers exactly this view.
 */
export function useDncEntries(team: string, view: EntriesView, serverPage?: ServerPage) {
  const params = listParams(view);
  // Everything but the page: rows stay in view while paging within it, not when it changes.
  const scope = `${filterParams(view)}|${view.sort}|${view.order}`;
  return useQuery({
    queryKey: [...entriesKey(team), "list", scope, view.pageIndex, view.pageSize],
    queryFn: async ({ signal }): Promise<ListedPage> => {
      const requestedAt = Date.now();
      return { ...(await callApi(dncContracts.listEntries, { query: listQuery(view), team, signal })), requestedAt };
    },
    // A new search, filter or order shows skeletons instead: the old rows would answer a question no longer asked.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[3] === scope ? keepPreviousData(previous) : undefined),
    initialData: serverPage?.key === params.toString() ? serverPage.result : undefined,
  });
}

/** How many of the team's entries expire within `days` days (their notice on the Entries page). Refreshed with the list. */
export function useExpiringCount(team: string, days: number) {
  return useQuery({
    queryKey: [...entriesKey(team), "expiring", days],
    queryFn: async ({ signal }) =>
      (await callApi(dncContracts.listEntries, { query: { expiresWithin: String(days), limit: "1" }, team, signal })).total,
  });
}

/** How many entries each source and author has: the options of the table's filters. Refreshed with the list. */
export function useEntryFacets(team: string) {
  return useQuery({
    queryKey: [...entriesKey(team), "facets"],
    queryFn: ({ signal }) => callApi(dncContracts.entryFacets, { team, signal }),
  });
}

/**
 * Every entry matching the filter, a thousand per request, waiting out the read limit when it is hit.
 * Reads newest first; an entry added meanwhile shifts the pages, so ids are de-duplicated.
 */
export async function fetchAllEntries(options: {
  team: string;
  filter: EntriesFilter;
  onProgress?: (loaded: number, total: number) => void;
  onWait?: (ms: number) => void;
  signal?: AbortSignal;
}): Promise<DncEntryDto[]> {
  const seen = new Map<string, DncEntryDto>();
  for (let offset = 0; ; offset += FULL_PAGE) {
    const page = await callApiPaced(dncContracts.listEntries, {
      query: { ...filterQuery(options.filter), limit: String(FULL_PAGE), offset: String(offset) },
      team: options.team,
      signal: options.signal,
      onWait: options.onWait,
    });
    for (const entry of page.entries) seen.set(entry.$id, entry);
    options.onProgress?.(seen.size, page.total);
    if (page.entries.length < FULL_PAGE || offset + FULL_PAGE >= page.total || options.signal?.aborted) break;
  }
  return [...seen.values()];
}

/**
 * Refreshes the list at most once a second: a bulk delete settles an entry every few milliseconds,
 * and refetching after each would spend the read budget on pages nobody sees.
 */
export function useThrottledEntriesRefresh(team: string) {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void queryClient.invalidateQueries({ queryKey: entriesKey(team) });
    }, 1000);
  }, [queryClient, team]);
}

/** Refreshes the list now: when a run stops, the table must show what the server holds. */
export function useEntriesRefreshNow(team: string) {
  const queryClient = useQueryClient();
  return useCallback(() => void queryClient.invalidateQueries({ queryKey: entriesKey(team) }), [queryClient, team]);
}
