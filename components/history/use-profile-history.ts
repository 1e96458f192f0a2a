"use client";

import { queryOptions, useQuery } from "@tanstack/react-query";
import { entriesKey } from "@/components/entries/use-dnc-entries";
import { callApi } from "@/components/api-client/call-api";
import { auditContracts } from "@/lib/contracts/audit";

/** The most the API returns at once; a profile's history is a handful of events. */
const HISTORY_LIMIT = 1000;

/** Under the entries' key, so a removal, restore or addition refreshes an open history. */
export function profileHistoryQuery(team: string, url: string) {
  return queryOptions({
    queryKey: [...entriesKey(team), "history", url],
    queryFn: ({ signal }) =>
      callApi(auditContracts.listAuditEvents, { query: { url, order: "asc", limit: String(HISTORY_LIMIT) }, team, signal }),
  });
}

/** Every event about one profile, oldest first, across removals and re-additions; read only while shown. */
export function useProfileHistory(team: string, url: string, enabled: boolean) {
  return useQuery({ ...profileHistoryQuery(team, url), enabled });
}
