"use client";

import { functionalUpdate, type PaginationState, type Updater } from "@tanstack/react-table";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { DataTablePagination } from "@/components/ui/data-table-pagination";
import { PageHeader } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { useDataTable } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import { dated, downloadCsv } from "@/components/api-client/csv";
import { AUDIT_CSV_COLUMNS, auditCsvRow } from "@/lib/audit/audit-csv";
import { AUDIT_ACTIONS } from "@/lib/audit/schemas";
import { formatNumber } from "@/lib/format";
import { ACTION_LABELS, auditColumns } from "./columns";
import { type AuditFilter, fetchAllAuditEvents, useAuditEvents } from "./use-audit-events";
import { VerifyIntegrity } from "./verify-integrity";

const PAGE_SIZE = 25;

export function AuditView() {
  const { team } = useDashboard();
  const { action, pagination, setView } = useAuditView();
  const [exporting, setExporting] = useState<string | null>(null);
  const query = useAuditEvents({ team: team.slug, action, ...pagination });

  const table = useDataTable({
    data: query.data?.events ?? [],
    columns: auditColumns,
    getRowId: (event) => event.$id,
    rowCount: query.data?.total ?? 0,
    state: { pagination },
    onPaginationChange: (updater: Updater<PaginationState>) =>
      setView({ action, pageIndex: functionalUpdate(updater, pagination).pageIndex }),
  });

  async function onExport() {
    try {
      const events = await fetchAllAuditEvents({
        team: team.slug,
        action,
        onProgress: (loaded) => setExporting(`Exporting ${formatNumber(loaded)}…`),
      });
      // With the chain's columns, so `npm run audit -- verify --file` can check the file on its own.
      downloadCsv(dated(`audit-${team.slug}${action ? `-${action}` : ""}`), events.map(auditCsvRow), [...AUDIT_CSV_COLUMNS]);
    } catch (error) {
      toast.error(`Export failed: ${errorMessage(error)}`);
    } finally {
      setExporting(null);
    }
  }

  return (
    <>
      <PageHeader title="Audit log" description="Every change to the list and its API keys: who, when, and why." />
      <VerifyIntegrity team={team.slug} />
      <div className="mb-3 flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm text-muted-foreground">
          Action
          <select
            className="h-9 rounded-md border border-input bg-surface px-2 text-sm"
            value={action}
            onChange={(event) => setView({ action: event.target.value as AuditFilter, pageIndex: 0 })}
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
            <span role="status" className="text-xs text-muted-foreground">
              {exporting}
            </span>
          ) : null}
          <Button onClick={onExport}>Export CSV</Button>
        </div>
      </div>
      <DataTable
        table={table}
        label="Audit events"
        loading={query.isPending}
        busy={query.isFetching}
        error={query.isError ? `Could not load the audit log: ${errorMessage(query.error)}` : null}
        onRetry={() => void query.refetch()}
        empty={`No events${action ? " of this kind" : ""} yet.`}
      />
      <DataTablePagination table={table} />
    </>
  );
}

/**
 * The action filter and the page, kept in the page URL (`?action=…&page=…`): a reload, a shared link
 * and the back button show the same events. Changes replace the history entry, as the entries table's do.
 */
function useAuditView() {
  const searchParams = useSearchParams();
  const asked = searchParams.get("action") ?? "";
  const action: AuditFilter = (AUDIT_ACTIONS as readonly string[]).includes(asked) ? (asked as AuditFilter) : "";
  const page = Number(searchParams.get("page"));
  const pageIndex = Number.isInteger(page) && page > 1 ? page - 1 : 0;
  function setView(next: { action: AuditFilter; pageIndex: number }) {
    const params = new URLSearchParams();
    if (next.action) params.set("action", next.action);
    if (next.pageIndex > 0) params.set("page", String(next.pageIndex + 1));
    const query = params.toString();
    window.history.replaceState(null, "", query ? `?${query}` : window.location.pathname);
  }
  return { action, pagination: { pageIndex, pageSize: PAGE_SIZE } satisfies PaginationState, setView };
}
