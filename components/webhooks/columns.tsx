"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import type { WebhookDeliveryDto, WebhookEndpointDto } from "@/lib/webhooks/schemas";

/** On a phone: URL, state and actions; the events join from sm, the creation date from md. */
export function createEndpointColumns(options: {
  selectedId: string | null;
  onShowDeliveries: (endpoint: WebhookEndpointDto) => void;
  onToggle: (endpoint: WebhookEndpointDto) => void;
  onDelete: (endpoint: WebhookEndpointDto) => void;
}): ColumnDef<WebhookEndpointDto>[] {
  return [
    { id: "url", header: "URL", cell: ({ row }) => <span className="font-mono text-[13px] break-all">{row.original.url}</span> },
    {
      id: "events",
      header: "Events",
      cell: ({ row }) => row.original.events.join(", "),
      meta: { width: 200, className: "hidden sm:table-cell" },
    },
    { id: "state", header: "State", cell: ({ row }) => (row.original.enabled ? "Enabled" : "Disabled"), meta: { width: 96 } },
    {
      id: "createdAt",
      header: "Created",
      cell: ({ row }) => formatDateTime(row.original.createdAt),
      meta: { width: 176, className: "hidden md:table-cell" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const endpoint = row.original;
        return (
          <div className="flex flex-wrap justify-end gap-1">
            <Button
              size="sm"
              variant="ghost"
              aria-pressed={options.selectedId === endpoint.id}
              onClick={() => options.onShowDeliveries(endpoint)}
              aria-label={`Deliveries to ${endpoint.url}`}
            >
              Deliveries
            </Button>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => options.onToggle(endpoint)}
              aria-label={`${endpoint.enabled ? "Disable" : "Enable"} ${endpoint.url}`}
            >
              {endpoint.enabled ? "Disable" : "Enable"}
            </Button>
            <Button size="sm" variant="ghost-danger" onClick={() => options.onDelete(endpoint)} aria-label={`Delete ${endpoint.url}`}>
              Delete
            </Button>
          </div>
        );
      },
      meta: { width: 264 },
    },
  ];
}

const STATUS_LABELS = { pending: "Pending", delivered: "Delivered", failed: "Failed" } as const;

/** An attempt's answer as people read it: "500 · 12 ms", or the error when there was no answer. */
function describeAnswer(attempt: { statusCode: number | null; latencyMs: number | null; error: string | null }): string {
  const answer =
    attempt.statusCode === null
      ? (attempt.error ?? "—")
      : `${attempt.statusCode}${attempt.error && attempt.error !== `HTTP ${attempt.statusCode}` ? ` (${attempt.error})` : ""}`;
  return attempt.latencyMs === null ? answer : `${answer} · ${attempt.latencyMs} ms`;
}

export function createDeliveryColumns(options: { onResend: (delivery: WebhookDeliveryDto) => void }): ColumnDef<WebhookDeliveryDto>[] {
  return [
    { id: "createdAt", header: "Event at", cell: ({ row }) => formatDateTime(row.original.createdAt), meta: { width: 176 } },
    { id: "type", header: "Event", cell: ({ row }) => row.original.type, meta: { width: 112 } },
    { id: "status", header: "Status", cell: ({ row }) => STATUS_LABELS[row.original.status], meta: { width: 96 } },
    {
      id: "attempts",
      header: "Attempts",
      // Every attempt made, resends included (the API's `attempts` restarts with each resend's retries).
      cell: ({ row }) => row.original.history.length,
      meta: { width: 88, className: "hidden sm:table-cell" },
    },
    {
      id: "response",
      header: "Last answer",
      cell: ({ row }) => {
        const { lastStatusCode, lastLatencyMs, lastError, history } = row.original;
        if (lastStatusCode === null && lastError === null) return "—";
        return (
          <>
            {describeAnswer({ statusCode: lastStatusCode, latencyMs: lastLatencyMs, error: lastError })}
            {history.length > 1 ? (
              <details className="mt-1 text-xs text-muted-foreground">
                <summary className="cursor-pointer">All {history.length} attempts</summary>
                <ol className="mt-1 space-y-0.5">
                  {history.map((attempt) => (
                    <li key={attempt.at}>
                      <time dateTime={attempt.at}>{formatDateTime(attempt.at)}</time>: {describeAnswer(attempt)}
                    </li>
                  ))}
                </ol>
              </details>
            ) : null}
          </>
        );
      },
      meta: { className: "hidden md:table-cell" },
    },
    {
      id: "nextAttemptAt",
      header: "Next attempt",
      cell: ({ row }) => (row.original.nextAttemptAt ? formatDateTime(row.original.nextAttemptAt) : "—"),
      meta: { width: 176, className: "hidden lg:table-cell" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => options.onResend(row.original)}
          aria-label={`Resend ${row.original.type} of ${formatDateTime(row.original.createdAt)}`}
        >
          Resend
        </Button>
      ),
      meta: { width: 96 },
    },
  ];
}
