"use client";

import { type PaginationState } from "@tanstack/react-table";
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

export function AuditView() {
  const { team } = useDashboard();
  const [action, setAction] = useState<AuditFilter>("");
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize: 25 });
  const [exporting, setExporting] = useState<string | null>(null);
  const query = useAuditEvents({ team: team.slug, action, ...pagination });

  const table = useDataTable({
    data: query.data?.events ?? [],
    columns: auditColumns,
    getRowId: (event) => event.$id,
    rowCount: query.data?.total ?? 0,
    state: { pagination },
    onPaginationChange: setPagination,
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
            onChange={(event) => {
              setAction(event.target.value as AuditFilter);
              setPagination((p) => ({ ...p, pageIndex: 0 }));
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
