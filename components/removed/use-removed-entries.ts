"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { entriesKey } from "@/components/entries/use-dnc-entries";
import { toast } from "@/components/ui/toaster";
import { ApiRequestError, callApi, callApiPaced, errorMessage } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import type { RemovedEntryDto } from "@/lib/dnc/schemas";
import { type RemovedFilter, removedFilterKey, removedFilterQuery, removedListQuery, type RemovedView } from "./removed-url-state";

/** The page size the API allows at most: collecting "all matching" or a run goes in these steps. */
const FULL_PAGE = 1000;

/**
 * Under the entries' key: whatever refreshes the list after a removal or a restore (the bulk
 * queue, the add dialog) refreshes the removed entries too.
 */
export const removedKey = (team: string) => [...entriesKey(team), "removed"] as const;

/** One page of the entries removed within the restore window (a search's, a run's), most recently removed first. */
export function useRemovedEntries(team: string, view: RemovedView) {
  return useQuery({
    queryKey: [...removedKey(team), removedFilterKey(view), view.pageIndex, view.pageSize],
    queryFn: ({ signal }) => callApi(dncContracts.listRemovedEntries, { query: removedListQuery(view), team, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * Every removed entry the filter matches, a thousand per request, waiting out the read limit when it
 * is hit. A removal meanwhile shifts the pages (newest first), so ids are de-duplicated.
 */
export async function fetchAllRemoved(options: {
  team: string;
  filter: RemovedFilter;
  onProgress?: (loaded: number, total: number) => void;
  onWait?: (ms: number) => void;
}): Promise<RemovedEntryDto[]> {
  const seen = new Map<string, RemovedEntryDto>();
  for (let offset = 0; ; offset += FULL_PAGE) {
    const page = await callApiPaced(dncContracts.listRemovedEntries, {
      query: { ...removedFilterQuery(options.filter), limit: String(FULL_PAGE), offset: String(offset) },
      team: options.team,
      onWait: options.onWait,
    });
    for (const entry of page.entries) seen.set(entry.$id, entry);
    options.onProgress?.(seen.size, page.total);
    if (page.entries.length < FULL_PAGE || offset + FULL_PAGE >= page.total) break;
  }
  return [...seen.values()];
}

/**
 * Restores one entry and says how it went in a toast. A 429 waits as long as the server says: an
 * undo right after a run of removals finds the write budget spent, and should still go through.
 */
export function useRestoreEntry(team: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; url: string; reason: string }) =>
      callApiPaced(dncContracts.restoreEntry, { params: { id }, team, body: reason ? { reason } : {} }),
    onSuccess: (_entry, { url }) => toast.success(`Restored ${url}`),
    onError: (error, { url }) => {
      if (error instanceof ApiRequestError && error.status === 409) toast.info(`${url} is already on the list.`);
      else if (error instanceof ApiRequestError && error.status === 404) toast.error(`${url} can no longer be restored.`);
      else toast.error(`Could not restore ${url}: ${errorMessage(error)}`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: entriesKey(team) }),
  });
}
