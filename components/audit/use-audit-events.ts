"use client";

import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { callApi, callApiPaced } from "@/components/api-client/call-api";
import type { AuditAction, AuditEvent } from "@/lib/audit/schemas";
import { auditContracts } from "@/lib/contracts/audit";

/** "" is every action. */
export type AuditFilter = AuditAction | "";

/** The page size the API allows at most: the export reads the whole log in these steps. */
const FULL_PAGE = 1000;

const auditQuery = (action: AuditFilter, limit: number, offset: number) => ({
  limit: String(limit),
  offset: String(offset),
  action: action || undefined,
});

/** One page of the log; the previous page stays on screen while the next loads. */
export function useAuditEvents(query: { team: string; action: AuditFilter; pageIndex: number; pageSize: number }) {
  return useQuery({
    queryKey: ["audit", query.team, query.action, query.pageIndex, query.pageSize],
    queryFn: ({ signal }) =>
      callApi(auditContracts.listAuditEvents, {
        query: auditQuery(query.action, query.pageSize, query.pageIndex * query.pageSize),
        team: query.team,
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Every event of `action`, a thousand per request, waiting out the read limit when it is hit. */
export async function fetchAllAuditEvents(options: {
  team: string;
  action: AuditFilter;
  onProgress: (loaded: number) => void;
}): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let offset = 0; ; offset += FULL_PAGE) {
    options.onProgress(events.length);
    const page = await callApiPaced(auditContracts.listAuditEvents, {
      query: auditQuery(options.action, FULL_PAGE, offset),
      team: options.team,
    });
    events.push(...page.events);
    if (page.events.length < FULL_PAGE) return events;
  }
}

/** Checks the team's whole trail against its hash chain on the server; each click asks again, never from a cache. */
export function useVerifyAuditChain(team: string) {
  return useMutation({ mutationFn: () => callApi(auditContracts.verifyAuditChain, { team }) });
}
