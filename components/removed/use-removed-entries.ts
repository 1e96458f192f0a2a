"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { entriesKey } from "@/components/entries/use-dnc-entries";
import { toast } from "@/components/ui/toaster";
import { ApiRequestError, callApi, callApiPaced, errorMessage } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";

/**
 * Under the entries' key: whatever refreshes the list after a removal or a restore (the bulk
 * queue, the add dialog) refreshes the removed entries too.
 */
export const removedKey = (team: string) => [...entriesKey(team), "removed"] as const;

export type RemovedQuery = { team: string; pageIndex: number; pageSize: number; q: string };

/** One page of the entries removed within the restore window, most recently removed first. */
export function useRemovedEntries(query: RemovedQuery) {
  return useQuery({
    queryKey: [...removedKey(query.team), query.pageIndex, query.pageSize, query.q],
    queryFn: ({ signal }) =>
      callApi(dncContracts.listRemovedEntries, {
        query: { limit: String(query.pageSize), offset: String(query.pageIndex * query.pageSize), q: query.q || undefined },
        team: query.team,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
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
