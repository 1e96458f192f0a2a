"use client";

import { useMemo, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Input, Label } from "@/components/ui/input";
import { Notice, PageHeader } from "@/components/ui/page-header";
import { SecretOnceDialog } from "@/components/ui/secret-once-dialog";
import { toast } from "@/components/ui/toaster";
import { useDataTable } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import { roleCan } from "@/lib/auth/permissions";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/events";
import type { WebhookEndpointDto } from "@/lib/webhooks/schemas";
import { createEndpointColumns } from "./columns";
import { DeliveryLog } from "./delivery-log";
import { useCreateWebhook, useDeleteWebhook, useUpdateWebhook, useWebhooks } from "./use-webhooks";

const EVENT_DESCRIPTIONS = {
  "dnc.added": "URLs added (one event per request, a batch included)",
  "dnc.deleted": "an entry removed",
  "dnc.restored": "a removed entry restored",
  "dnc.alias_added": "an alias added to an entry",
  "dnc.alias_removed": "an alias taken off an entry",
  "dnc.updated": "an entry's expiry or note changed",
  "dnc.expired": "an entry reached its expiry and was removed",
} as const;

export function WebhooksView() {
  const { team } = useDashboard();
  const allowed = roleCan(team.role, "webhooks.manage");
  const query = useWebhooks(team.slug, allowed);
  const { mutate: update } = useUpdateWebhook(team.slug);
  const remove = useDeleteWebhook(team.slug);
  const [deleting, setDeleting] = useState<WebhookEndpointDto | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const webhooks = useMemo(() => query.data?.webhooks ?? [], [query.data]);
  const selected = webhooks.find((endpoint) => endpoint.id === selectedId) ?? null;

  const columns = useMemo(
    () =>
      createEndpointColumns({
        selectedId,
        onShowDeliveries: (endpoint) => setSelectedId((current) => (current === endpoint.id ? null : endpoint.id)),
        onToggle: (endpoint) =>
          update(
            { id: endpoint.id, enabled: !endpoint.enabled },
            {
              onSuccess: () => toast.success(`${endpoint.url} is ${endpoint.enabled ? "disabled" : "enabled"}.`),
              onError: (error) => toast.error(`Could not change ${endpoint.url}: ${errorMessage(error)}`),
            },
          ),
        onDelete: setDeleting,
      }),
    [selectedId, update],
  );
  const table = useDataTable({ data: webhooks, columns, getRowId: (endpoint) => endpoint.id });

  if (!allowed) {
    return <Notice>Only owners and admins manage webhooks.</Notice>;
  }

  const disabled = webhooks.filter((endpoint) => !endpoint.enabled && endpoint.disabledReason);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Endpoints receive a signed POST (Standard Webhooks) whenever this team's list changes. The signing secret is shown once, when the endpoint is registered."
        actions={<RegisterDialog team={team.slug} />}
      />
      {disabled.length > 0 ? (
        <div className="mb-4 space-y-2">
          {disabled.map((endpoint) => (
            <Notice key={endpoint.id} tone="error">
              <span className="font-medium break-all">{endpoint.url}</span> was disabled. {endpoint.disabledReason}{" "}
              <Button size="sm" onClick={() => update({ id: endpoint.id, enabled: true })} aria-label={`Re-enable ${endpoint.url}`}>
                Re-enable
              </Button>
            </Notice>
          ))}
        </div>
      ) : null}
      <DataTable
        table={table}
        label="Webhook endpoints"
        loading={query.isPending}
        busy={query.isFetching}
        error={query.isError ? `Could not load the webhooks: ${errorMessage(query.error)}` : null}
        onRetry={() => void query.refetch()}
        empty="No webhooks yet."
        skeletonRows={2}
        rowClassName={(row) => (row.original.enabled ? undefined : "*:text-muted-foreground")}
      />
      {selected ? <DeliveryLog team={team.slug} endpoint={selected} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this webhook?"
        description={`${deleting?.url} will receive nothing more, and its delivery log is deleted with it.`}
        confirmLabel="Delete webhook"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (!deleting) return;
          const endpoint = deleting;
          setDeleting(null);
          remove.mutate(endpoint.id, {
            onSuccess: () => toast.success(`The webhook to ${endpoint.url} was deleted.`),
            onError: (error) => toast.error(`Could not delete the webhook: ${errorMessage(error)}`),
          });
        }}
      />
    </>
  );
}

function RegisterDialog({ team }: { team: string }) {
  return (
    <SecretOnceDialog
      trigger="Register webhook"
      title="Register a webhook"
      secretTitle="Copy the signing secret"
      secretDescription="This is the only time the secret is shown. Your receiver verifies every delivery with it."
      secretTestId="new-webhook-secret"
      submit={{ idle: "Register", pending: "Registering…" }}
      create={useCreateWebhook(team)}
      variablesOf={(form) => {
        const chosen = form.getAll("events");
        return { url: String(form.get("url") ?? ""), events: WEBHOOK_EVENT_TYPES.filter((type) => chosen.includes(type)) };
      }}
      secretOf={(created) => created.secret}
    >
      <div className="space-y-1.5">
        <Label htmlFor="webhook-url">Endpoint URL</Label>
        <Input id="webhook-url" name="url" type="url" required maxLength={2000} placeholder="https://example.com/dnc-events" autoFocus />
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-foreground">Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="events" value={type} defaultChecked />
            <span>
              <code className="font-mono text-[13px]">{type}</code>: {EVENT_DESCRIPTIONS[type]}
            </span>
          </label>
        ))}
      </fieldset>
    </SecretOnceDialog>
  );
}
