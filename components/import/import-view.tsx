"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ChangeEvent, useEffect, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { entriesKey } from "@/components/entries/use-dnc-entries";
import { Button } from "@/components/ui/button";
import { Notice, PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { apiFetchPaced, errorMessage } from "@/lib/api-client/api-fetch";
import { dated, downloadCsv, urlsFromCsv } from "@/lib/api-client/csv";
import type { AddEntriesResult } from "@/lib/dnc/schemas";
import { MAX_BATCH_ENTRIES } from "@/lib/dnc/schemas";

const NUMBER = new Intl.NumberFormat("en-US");
/** Problem rows are listed in full; accepted ones are only counted, or a 100,000-row import would freeze the page. */
const SHOWN_ROWS = 500;

type ReportRow = { row: number; url: string; status: "added" | "duplicate" | "error"; detail: string };

export function ImportView() {
  const { team } = useDashboard();
  const queryClient = useQueryClient();
  const [fileName, setFileName] = useState<string | null>(null);
  const [rows, setRows] = useState<{ row: number; url: string }[]>([]);
  const [report, setReport] = useState<ReportRow[]>([]);
  const [done, setDone] = useState(0);
  const [status, setStatus] = useState<"idle" | "running" | "finished" | "failed">("idle");
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => {
    if (status !== "running") return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [status]);

  async function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setFileName(file.name);
    setRows(urlsFromCsv(await file.text()));
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
    const collected: ReportRow[] = [];
    try {
      for (let start = 0; start < rows.length; start += MAX_BATCH_ENTRIES) {
        const chunk = rows.slice(start, start + MAX_BATCH_ENTRIES);
        setMessage(null);
        const result = await apiFetchPaced<AddEntriesResult>("/api/v1/dnc/batch", {
          method: "POST",
          body: { entries: chunk.map((r) => ({ url: r.url })) },
          team: team.slug,
          onWait: (ms) => setMessage(`Waiting for the rate limit — ${Math.ceil(ms / 1000)}s`),
        });
        result.details.forEach((detail, index) => {
          collected.push({
            row: chunk[index]!.row,
            url: chunk[index]!.url,
            status: detail.status,
            detail: detail.status === "error" ? (detail.error ?? "error") : (detail.normalizedUrl ?? ""),
          });
        });
        setDone(start + chunk.length);
        setReport([...collected]);
      }
      setStatus("finished");
    } catch (error) {
      setStatus("failed");
      setMessage(`Import stopped: ${errorMessage(error)}. Rows before it were imported; see the report.`);
    }
    void queryClient.invalidateQueries({ queryKey: entriesKey(team.slug) });
  }

  if (team.role === "viewer") return <Notice>Viewers cannot add entries.</Notice>;

  const counts = { added: 0, duplicate: 0, error: 0 };
  for (const r of report) counts[r.status] += 1;
  const shown = report.filter((r) => r.status !== "added").slice(0, SHOWN_ROWS);
  const percent = rows.length === 0 ? 0 : Math.round((done / rows.length) * 100);

  return (
    <>
      <PageHeader title="Import a CSV" description={`Adds every LinkedIn URL in the file to ${team.name}'s list, ${NUMBER.format(MAX_BATCH_ENTRIES)} per request.`} />
      <div className="space-y-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <div>
          <label htmlFor="csv-file" className="text-sm font-medium text-zinc-800">
            CSV file
          </label>
          <p className="text-xs text-zinc-500">The column named “url” is used, or the first column when none is named so. An export from this dashboard works as is.</p>
          <input
            id="csv-file"
            type="file"
            accept=".csv,text/csv"
            onChange={onFile}
            disabled={status === "running"}
            className="mt-2 block text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
          />
        </div>
        {fileName ? (
          <p className="text-sm text-zinc-700">
            {fileName}: {NUMBER.format(rows.length)} URLs
          </p>
        ) : null}
        <Button variant="primary" onClick={onImport} disabled={rows.length === 0 || status === "running"}>
          {status === "running" ? "Importing…" : `Import ${NUMBER.format(rows.length)} URLs`}
        </Button>
        {status !== "idle" ? (
          <div>
            <div
              role="progressbar"
              aria-label="Import progress"
              aria-valuemin={0}
              aria-valuemax={rows.length}
              aria-valuenow={done}
              aria-valuetext={`${done} of ${rows.length} rows sent`}
              className="h-2 overflow-hidden rounded-full bg-zinc-100"
            >
              <div className="h-full bg-accent transition-[width]" style={{ width: `${percent}%` }} />
            </div>
            <p className="mt-2 text-sm text-zinc-700" aria-live="polite">
              {NUMBER.format(done)} of {NUMBER.format(rows.length)} rows sent · {NUMBER.format(counts.added)} added · {NUMBER.format(counts.duplicate)} already on the list ·{" "}
              {NUMBER.format(counts.error)} rejected
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
            <Button size="sm" onClick={() => downloadCsv(dated("import-report"), report, ["row", "url", "status", "detail"])}>
              Download full report
            </Button>
          </div>
          {shown.length === 0 ? (
            <Notice tone="success">Every row was added.</Notice>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th className="w-20">Row</Th>
                  <Th>URL</Th>
                  <Th className="w-40">Result</Th>
                  <Th>Detail</Th>
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.row}>
                    <Td className="tabular-nums">{r.row}</Td>
                    <Td className="font-mono text-[13px]">{r.url}</Td>
                    <Td>{r.status === "duplicate" ? "Already on the list" : "Rejected"}</Td>
                    <Td className="text-zinc-600">{r.detail}</Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </section>
      ) : null}
    </>
  );
}
