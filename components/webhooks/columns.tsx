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

export function createDeliveryColumns(options: { onResend: (delivery: WebhookDeliveryDto) => void }): ColumnDef<WebhookDeliveryDto>[] {
  return [
    { id: "createdAt", header: "Event at", cell: ({ row }) => formatDateTime(row.original.createdAt), meta: { width: 176 } },
    { id: "type", header: "Event", cell: ({ row }) => row.original.type, meta: { width: 112 } },
    { id: "status", header: "Status", cell: ({ row }) => STATUS_LABELS[row.original.status], meta: { width: 96 } },
    {
      id: "attempts",
      header: "Attempts",
      cell: ({ row }) => row.original.attempts,
      meta: { width: 88, className: "hidden sm:table-cell" },
    },
    {
      id: "response",
      header: "Last answer",
      cell: ({ row }) => {
        const { lastStatusCode, lastLatencyMs, lastError } = row.original;
        if (lastStatusCode === null && lastError === null) return "—";
        const answer =
          lastStatusCode === null
            ? lastError
            : `${lastStatusCode}${lastError && lastError !== `HTTP ${lastStatusCode}` ? ` (${lastError})` : ""}`;
        return lastLatencyMs === null ? answer : `${answer} · ${lastLatencyMs} ms`;
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
