"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { apiFetch, apiFetchPaced, errorMessage } from "@/lib/api-client/api-fetch";
import { dated, downloadCsv } from "@/lib/api-client/csv";
import { AUDIT_ACTIONS, type AuditAction, type AuditEvent, type ListAuditResult } from "@/lib/audit/schemas";
import { formatDateTime, formatNumber } from "@/lib/format";

const ACTION_LABELS: Record<AuditAction, string> = {
  "dnc.added": "Entry added",
  "dnc.batch_added": "Entry imported",
  "dnc.deleted": "Entry removed",
  "apikey.created": "API key created",
  "apikey.revoked": "API key revoked",
};
const PAGE_SIZE = 25;
const EXPORT_PAGE = 1000;

function auditPath(action: AuditAction | "", limit: number, offset: number) {
  const search = new URLSearchParams({ limit: String(limit), offset: String(offset) });
  if (action) search.set("action", action);
  return `/api/v1/audit?${search}`;
}

export function AuditView() {
  const { team } = useDashboard();
  const [action, setAction] = useState<AuditAction | "">("");
  const [page, setPage] = useState(0);
  const [exporting, setExporting] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ["audit", team.slug, action, page],
    queryFn: ({ signal }) => apiFetch<ListAuditResult>(auditPath(action, PAGE_SIZE, page * PAGE_SIZE), { team: team.slug, signal }),
    placeholderData: keepPreviousData,
  });
  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));

  async function onExport() {
    const events: AuditEvent[] = [];
    try {
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        setExporting(`Exporting ${formatNumber(events.length)}…`);
        const result = await apiFetchPaced<ListAuditResult>(auditPath(action, EXPORT_PAGE, offset), { team: team.slug });
        events.push(...result.events);
        if (result.events.length < EXPORT_PAGE) break;
      }
      downloadCsv(
        dated(`audit-${team.slug}${action ? `-${action}` : ""}`),
        events.map((e) => ({ time: e.$createdAt, action: e.action, actor: e.actor, url: e.url, target: e.targetId, reason: e.reason, request_id: e.requestId })),
        ["time", "action", "actor", "url", "target", "reason", "request_id"],
      );
      setExporting(null);
    } catch (error) {
      setExporting(`Export failed: ${errorMessage(error)}`);
    }
  }

  return (
    <>
      <PageHeader title="Audit log" description="Every change to the list and its API keys: who, when, and why." />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-zinc-700">
          Action
          <select
            className="h-9 rounded-md border border-zinc-300 bg-white px-2 text-sm"
            value={action}
            onChange={(event) => {
              setAction(event.target.value as AuditAction | "");
              setPage(0);
            }}
          >
            <option value="">All actions</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {ACTION_LABELS[a]}
              </option>
            ))}
          </select>
        </label>
        <div className="ml-auto flex items-center gap-2">
          {exporting ? (
            <span role="status" className="text-xs text-zinc-600">
              {exporting}
            </span>
          ) : null}
          <Button onClick={onExport}>Export CSV</Button>
        </div>
      </div>
      <Table aria-label="Audit events">
        <thead>
          <tr>
            <Th className="w-44">Time</Th>
            <Th className="w-36">Action</Th>
            <Th className="w-52">Actor</Th>
            <Th>Subject</Th>
            <Th>Reason</Th>
          </tr>
        </thead>
        <tbody>
          {query.isPending ? (
            Array.from({ length: 6 }, (_, index) => (
              <tr key={index}>
                {Array.from({ length: 5 }, (_, cell) => (
                  <Td key={cell}>
                    <Skeleton className="h-4 w-full max-w-40" />
                  </Td>
                ))}
              </tr>
            ))
          ) : query.isError ? (
            <tr>
              <Td colSpan={5} className="h-24 text-center text-red-700">
                Could not load the audit log: {errorMessage(query.error)}
              </Td>
            </tr>
          ) : query.data.events.length === 0 ? (
            <tr>
              <Td colSpan={5} className="h-24 text-center text-zinc-500">
                No events{action ? " of this kind" : ""} yet.
              </Td>
            </tr>
          ) : (
            query.data.events.map((event) => (
              <tr key={event.$id}>
                <Td className="whitespace-nowrap text-zinc-600">{formatDateTime(event.$createdAt)}</Td>
                <Td>{ACTION_LABELS[event.action]}</Td>
                <Td className="truncate">{event.actor}</Td>
                <Td className="font-mono text-[13px]">{event.url ?? event.targetId ?? ""}</Td>
                <Td className="text-zinc-700">{event.reason ?? <span className="text-zinc-400">—</span>}</Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <div className="flex items-center justify-between py-3 text-sm text-zinc-600">
        <span>
          {formatNumber(total)} {total === 1 ? "event" : "events"} · page {page + 1} of {pages}
        </span>
        <div className="flex gap-1">
          <Button size="sm" onClick={() => setPage((p) => p - 1)} disabled={page === 0}>
            ‹ Prev
          </Button>
          <Button size="sm" onClick={() => setPage((p) => p + 1)} disabled={page + 1 >= pages}>
            Next ›
          </Button>
        </div>
      </div>
    </>
  );
}
