"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ColumnDef } from "@tanstack/react-table";
import { useRouter } from "next/navigation";
import { type ChangeEvent, useRef, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { entriesKey } from "@/components/entries/use-dnc-entries";
import { useLeaveWarning } from "@/components/hooks/use-leave-warning";
import { ClientSelect, clientIdOf } from "@/components/clients/client-select";
import { useClients } from "@/components/clients/use-clients";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { Notice, PageHeader } from "@/components/ui/page-header";
import { DataTable } from "@/components/ui/data-table";
import { toast } from "@/components/ui/toaster";
import { useDataTable } from "@/components/ui/use-data-table";
import { callApiPaced, errorMessage } from "@/components/api-client/call-api";
import { type CsvProblem, type CsvRow, dated, downloadCsv, urlsFromCsv } from "@/components/api-client/csv";
import { GLOBAL_LIST } from "@/lib/clients/schemas";
import { dncContracts } from "@/lib/contracts/dnc";
import {
  type AddEntriesResult,
  type BatchStatus,
  MAX_ALIASES_PER_ENTRY,
  MAX_BATCH_ENTRIES,
  MAX_FILE_NAME_LENGTH,
  MAX_TEXT_FIELD_LENGTH,
} from "@/lib/dnc/schemas";
import { formatCountdown, formatNumber } from "@/lib/format";
import { roleCan } from "@/lib/auth/permissions";
import { ERROR_MESSAGES, type ErrorCode } from "@/lib/errors";

/** Problem rows are listed in full; accepted ones are only counted, or a 100,000-row import would freeze the page. */
const SHOWN_ROWS = 500;

/**
 * `unreadable`: a row the CSV parser could not read with confidence; it is never sent. `repeat`: a
 * row naming the entry an earlier row of the same file added (the API calls it a duplicate).
 */
type ReportRow = { row: number; url: string; status: BatchStatus | "unreadable" | "repeat"; detail: string };

const RESULT_LABELS = {
  added: "Added",
  duplicate: "Already on the list",
  repeat: "Repeated in this file",
  error: "Rejected",
  unreadable: "Not read",
} as const;

/** Why the API refused a row, in words; `invalid_url` depends on what the row was taken for. */
function describeRowError(code: string | undefined, row: CsvRow): string {
  switch (code) {
    case "invalid_url":
      return row.kind === "company" ? "not a LinkedIn company page" : "not a LinkedIn profile URL";
    case "invalid_domain":
      return "not an internet domain (such as acme.com)";
    case "missing_url":
      return "no URL";
    case "missing_domain":
      return "no domain";
    case "protected_entry":
      return "only an owner can give a complaint or legal entry an expiry";
    default:
      return code && code in ERROR_MESSAGES ? ERROR_MESSAGES[code as ErrorCode] : "refused by the server";
  }
}

function unreadableRows(problems: CsvProblem[]): ReportRow[] {
  return problems.map((p) => ({ row: p.row, url: "", status: "unreadable", detail: p.problem }));
}

const byRow = (a: ReportRow, b: ReportRow) => a.row - b.row;

const ALIAS_PROBLEMS = {
  invalid_url: "not a LinkedIn identifier",
  dnc_exists: "another entry has it",
  entry_not_added: "the row's URL was not added here",
  alias_not_allowed: "a company or domain entry has no aliases",
} as const;

/** "30 added · 0 already on the list · 1 rejected", and the repeated and unread rows when there are some. */
function describeCounts(report: ReportRow[]) {
  const counts = { added: 0, duplicate: 0, repeat: 0, error: 0, unreadable: 0 };
  for (const r of report) counts[r.status] += 1;
  return (
    `${formatNumber(counts.added)} added · ${formatNumber(counts.duplicate)} already on the list · ${formatNumber(counts.error)} rejected` +
    (counts.repeat > 0 ? ` · ${formatNumber(counts.repeat)} repeated in this file` : "") +
    (counts.unreadable > 0 ? ` · ${formatNumber(counts.unreadable)} not read` : "")
  );
}

/**
 * A row of the API's answer as the report shows it. `firstRows` (the first row of this file naming
 * each entry, across requests) tells a repeat inside the file from an entry listed before the import.
 */
function reportRow(detail: AddEntriesResult["details"][number], row: CsvRow, firstRows: Map<string, ReportRow>): ReportRow {
  const aliasProblems = [
    ...(detail.aliasesNotAdded ?? []).map(
      (a) => `alias ${a.alias} not added: ${ALIAS_PROBLEMS[a.error]}${a.heldBy ? ` (${a.heldBy.url})` : ""}`,
    ),
    ...(row.aliases ?? []).slice(MAX_ALIASES_PER_ENTRY).map((alias) => `alias ${alias} not added: over 20 aliases`),
  ];
  const first = detail.$id ? firstRows.get(detail.$id) : undefined;
  const [status, said]: [ReportRow["status"], string] =
    detail.status === "error"
      ? ["error", describeRowError(detail.error, row)]
      : first?.status === "added"
        ? ["repeat", `repeats row ${first.row} of this file`]
        : first
          ? [detail.status, `${detail.normalizedUrl ?? ""}, also in row ${first.row} of this file`]
          : [detail.status, detail.normalizedUrl ?? ""];
  const shown: ReportRow = { row: row.row, url: row.url, status, detail: [said, ...aliasProblems].join("; ") };
  if (detail.$id && !first) firstRows.set(detail.$id, shown);
  return shown;
}

export function ImportView() {
  const { team } = useDashboard();
  const queryClient = useQueryClient();
  const router = useRouter();
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<CsvRow[]>([]);
  const [problems, setProblems] = useState<CsvProblem[]>([]);
  const [report, setReport] = useState<ReportRow[]>([]);
  const [done, setDone] = useState(0);
  const [status, setStatus] = useState<"idle" | "running" | "finished" | "failed">("idle");
  const [message, setMessage] = useState<string | null>(null);
  const [list, setList] = useState<string>(GLOBAL_LIST);
  const clients = useClients(team.slug).data?.clients ?? [];
  const fileInput = useRef<HTMLInputElement>(null);

  useLeaveWarning(status === "running");

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    const parsed = urlsFromCsv(await file.text());
    setRows(parsed.rows);
    setProblems(parsed.problems);
    setReport([]);
    setDone(0);
    setStatus("idle");
    setMessage(null);
  }

  /** Sends the rows in chunks of the batch endpoint's limit, one at a time, waiting out the batch rate limit. */
  async function onImport() {
    setStatus("running");
    setReport([]);
    setDone(0);
    const collected = unreadableRows(problems);
    const firstRows = new Map<string, ReportRow>();
    try {
      for (let start = 0; start < rows.length; start += MAX_BATCH_ENTRIES) {
        const chunk = rows.slice(start, start + MAX_BATCH_ENTRIES);
        setMessage(null);
        const result = await callApiPaced(dncContracts.addEntries, {
          // The file's name becomes the entries' provenance (source "import").
          body: {
            entries: chunk.map((row) => ({ ...batchEntry(row), ...clientIdOf(list) })),
            ...(fileName ? { importFile: fileName.slice(0, MAX_FILE_NAME_LENGTH) } : {}),
          },
          team: team.slug,
          onWait: (ms) => setMessage(`Waiting for the rate limit — ${formatCountdown(ms)}`),
        });
        result.details.forEach((detail, index) => collected.push(reportRow(detail, chunk[index]!, firstRows)));
        setDone(start + chunk.length);
        setReport([...collected]);
      }
      setStatus("finished");
      // Import stays off until a file is chosen; cleared, the picker reports the same file chosen again (fixed since).
      if (fileInput.current) fileInput.current.value = "";
      toast.success(`Import finished: ${describeCounts(collected)}.`, {
        action: { label: "View entries", onClick: () => router.push("/entries") },
      });
    } catch (error) {
      setStatus("failed");
      setMessage(`Import stopped: ${errorMessage(error)}. Rows before it were imported; see the report.`);
    }
    void queryClient.invalidateQueries({ queryKey: entriesKey(team.slug) });
  }

  if (!roleCan(team.role, "entries.write")) return <Notice>Viewers cannot add entries.</Notice>;

  const shown = report
    .filter((r) => r.status !== "added")
    .sort(byRow)
    .slice(0, SHOWN_ROWS);
  const percent = rows.length === 0 ? 0 : Math.round((done / rows.length) * 100);

  return (
    <>
      <PageHeader
        title="Import a CSV"
        description={`Adds every LinkedIn URL in the file to ${team.name}'s list, ${formatNumber(MAX_BATCH_ENTRIES)} per request.`}
      />
      <div className="space-y-4 rounded-lg border border-border bg-surface p-6 shadow-sm">
        <div>
          <label htmlFor="csv-file" className="text-sm font-medium text-foreground">
            CSV file
          </label>
          <p className="text-xs text-muted-foreground">
            The column named “url” is used, or the first column when none is named so; a column named “aliases” adds other identifiers of
            the same person, separated by spaces, one named “expires_at” an expiry (an ISO 8601 date or date-time in the future) after which
            the entry comes off the list, and one named “note” why it is on the list (up to {MAX_TEXT_FIELD_LENGTH} characters). An export
            from this dashboard works as is.
          </p>
          <input
            id="csv-file"
            ref={fileInput}
            type="file"
            accept=".csv,text/csv"
            onChange={onFile}
            disabled={status === "running"}
            className="mt-2 block max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-input file:bg-surface file:text-foreground file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        </div>
        {clients.length > 0 ? (
          <div className="max-w-sm space-y-1.5">
            <Label htmlFor="import-client">Client</Label>
            <ClientSelect id="import-client" clients={clients} value={list} onChange={setList} disabled={status === "running"} />
            <p className="text-xs text-muted-foreground">Every row of the file goes on this list.</p>
          </div>
        ) : null}
        {fileName ? (
          <p className="text-sm text-muted-foreground">
            {fileName}: {formatNumber(rows.length)} URLs
          </p>
        ) : null}
        {problems.length > 0 && status === "idle" ? <UnreadableRows problems={problems} /> : null}
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="primary"
            onClick={onImport}
            disabled={rows.length === 0 || status === "running" || status === "finished"}
            aria-describedby={status === "finished" ? "import-done" : undefined}
          >
            {status === "running" ? "Importing…" : `Import ${formatNumber(rows.length)} URLs`}
          </Button>
          {status === "finished" ? (
            <p id="import-done" className="text-sm text-muted-foreground">
              This file is imported. Choose a file to import another.
            </p>
          ) : null}
        </div>
        {status !== "idle" ? (
          <div>
            <div
              role="progressbar"
              aria-label="Import progress"
              aria-valuemin={0}
              aria-valuemax={rows.length}
              aria-valuenow={done}
              aria-valuetext={`${done} of ${rows.length} rows sent`}
              className="h-2 overflow-hidden rounded-full bg-muted"
            >
              <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-2 text-sm text-muted-foreground" aria-live="polite">
              {formatNumber(done)} of {formatNumber(rows.length)} rows sent · {describeCounts(report)}
              {status === "finished" ? " · Import finished" : ""}
            </p>
          </div>
        ) : null}
        {message ? <Notice tone={status === "failed" ? "error" : "info"}>{message}</Notice> : null}
      </div>
      {report.length > 0 ? (
        <section className="mt-6" aria-label="Import report">
          <div className="mb-2 flex items-center justify-between">
            <h2 className="text-sm font-semibold">Rows not added{shown.length === SHOWN_ROWS ? ` (first ${SHOWN_ROWS})` : ""}</h2>
            <Button
              size="sm"
              onClick={() =>
                downloadCsv(
                  dated("import-report"),
                  [...report].sort(byRow).map((r) => ({ ...r, result: RESULT_LABELS[r.status] })),
                  // `status` is for programs (the API's word, or repeat / unreadable); `result` and `detail` for people.
                  ["row", "url", "status", "result", "detail"],
                )
              }
            >
              Download full report
            </Button>
          </div>
          {shown.length === 0 ? <Notice tone="success">Every row was added.</Notice> : <ReportTable rows={shown} />}
        </section>
      ) : null}
    </>
  );
}

/** Shown as soon as a file is chosen, so the person can fix the file before importing anything. */
function UnreadableRows({ problems }: { problems: CsvProblem[] }) {
  const count = problems.length;
  return (
    <section aria-label="Rows that cannot be read" className="rounded-md border border-warning-border bg-warning-soft p-3">
      <p className="text-sm font-medium text-warning-text">
        {formatNumber(count)} {count === 1 ? "row" : "rows"} cannot be read and will not be imported. Fix the file and choose it again, or
        import the readable rows now: the rows below stay in the report.
      </p>
      {/* A long list scrolls; focusable, so a keyboard can scroll it too. */}
      <ul tabIndex={0} aria-label="Unreadable rows" className="mt-2 max-h-48 space-y-1 overflow-auto text-sm text-warning-text">
        {problems.slice(0, SHOWN_ROWS).map((p) => (
          <li key={p.row}>
            <span className="font-medium tabular-nums">Row {p.row}:</span> {p.problem}
          </li>
        ))}
        {count > SHOWN_ROWS ? <li>and {formatNumber(count - SHOWN_ROWS)} more, listed in the report after the import</li> : null}
      </ul>
    </section>
  );
}

/** On a phone the row number, result and detail say what to fix; the URL as written joins from sm. */
const reportColumns: ColumnDef<ReportRow>[] = [
  { id: "row", header: "Row", cell: ({ row }) => <span className="tabular-nums">{row.original.row}</span>, meta: { width: 64 } },
  {
    id: "url",
    header: "URL",
    cell: ({ row }) => <span className="font-mono text-[13px] wrap-anywhere">{row.original.url}</span>,
    meta: { className: "hidden sm:table-cell" },
  },
  { id: "status", header: "Result", cell: ({ row }) => RESULT_LABELS[row.original.status], meta: { width: 160 } },
  {
    id: "detail",
    header: "Detail",
    cell: ({ row }) => <span className="text-muted-foreground wrap-anywhere">{row.original.detail}</span>,
  },
];

function ReportTable({ rows }: { rows: ReportRow[] }) {
  const table = useDataTable({ data: rows, columns: reportColumns, getRowId: (r) => String(r.row) });
  return <DataTable table={table} label="Rows not added" empty="Every row was added." />;
}

/** A row as the batch add takes it: a domain by its domain, a company by its page, a person with their first 20 aliases; each with its category, date of receipt, expiry and note. */
function batchEntry(row: CsvRow) {
  const record = {
    ...(row.category ? { category: row.category } : {}),
    ...(row.receivedAt ? { receivedAt: row.receivedAt } : {}),
    ...(row.expiresAt ? { expiresAt: row.expiresAt } : {}),
    ...(row.note ? { note: row.note } : {}),
  };
  if (row.kind === "domain")
    return { kind: "domain" as const, domain: row.url, includeSubdomains: row.includeSubdomains ?? false, ...record };
  if (row.kind === "company") return { kind: "company" as const, url: row.url, ...record };
  return { url: row.url, ...(row.aliases ? { aliases: row.aliases.slice(0, MAX_ALIASES_PER_ENTRY) } : {}), ...record };
}
