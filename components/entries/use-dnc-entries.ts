"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useRef } from "react";
import { apiFetch, apiFetchPaced } from "@/lib/api-client/api-fetch";
import type { DncEntryDto, ListEntriesQuery, ListEntriesResult } from "@/lib/dnc/schemas";

export type EntriesQuery = { team: string; pageIndex: number; pageSize: number; q: string; order: ListEntriesQuery["order"] };

/** The page size the API allows at most: fetching "everything" (export, select all matching) goes in these steps. */
const FULL_PAGE = 1000;

function listPath(params: { limit: number; offset: number; q: string; order: string }) {
  const search = new URLSearchParams({ limit: String(params.limit), offset: String(params.offset), order: params.order });
  if (params.q) search.set("q", params.q);
  return `/api/v1/dnc?${search}`;
}

export const entriesKey = (team: string) => ["dnc-entries", team] as const;

/**
 * One page of the list; the previous page stays on screen while the next loads. `serverPage` is
 * the first page as the server rendered it: it seeds the cache for the default view only.
 */
export function useDncEntries(query: EntriesQuery, serverPage?: ListEntriesResult) {
  const isServerPage =
    serverPage !== undefined && query.pageIndex === 0 && query.pageSize === serverPage.limit && query.q === "" && query.order === "desc";
  return useQuery({
    queryKey: [...entriesKey(query.team), query.pageIndex, query.pageSize, query.q, query.order],
    queryFn: ({ signal }) =>
      apiFetch<ListEntriesResult>(
        listPath({ limit: query.pageSize, offset: query.pageIndex * query.pageSize, q: query.q, order: query.order }),
        {
          team: query.team,
          signal,
        },
      ),
    // Turning a page keeps the old rows in view until the new ones arrive; a new search or order
    // shows skeletons instead, since the old rows would answer a question no longer asked.
    placeholderData: (previous, previousQuery) => {
      const [, , , , previousQ, previousOrder] = previousQuery?.queryKey ?? [];
      return previousQ === query.q && previousOrder === query.order ? keepPreviousData(previous) : undefined;
    },
    initialData: isServerPage ? serverPage : undefined,
  });
}

/**
 * Every entry matching `q`, a thousand per request, waiting out the read limit when it is hit.
 * Reads newest first; an entry added meanwhile shifts the pages, so ids are de-duplicated.
 */
export async function fetchAllEntries(options: {
  team: string;
  q: string;
  onProgress?: (loaded: number, total: number) => void;
  onWait?: (ms: number) => void;
  signal?: AbortSignal;
}): Promise<DncEntryDto[]> {
  const seen = new Map<string, DncEntryDto>();
  for (let offset = 0; ; offset += FULL_PAGE) {
    const page = await apiFetchPaced<ListEntriesResult>(listPath({ limit: FULL_PAGE, offset, q: options.q, order: "desc" }), {
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
