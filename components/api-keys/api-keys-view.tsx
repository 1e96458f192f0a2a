"use client";

import { useMemo, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { DataTable } from "@/components/ui/data-table";
import { Input, Label, Select } from "@/components/ui/input";
import { Notice, PageHeader } from "@/components/ui/page-header";
import { SecretOnceDialog } from "@/components/ui/secret-once-dialog";
import { toast } from "@/components/ui/toaster";
import { useDataTable } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import type { ApiKey } from "@/lib/api-keys/schemas";
import type { Client } from "@/lib/clients/schemas";
import { roleCan } from "@/lib/auth/permissions";
import { createColumns } from "./columns";
import { useClients } from "@/components/clients/use-clients";
import { useApiKeys, useCreateApiKey, useRevokeApiKey } from "./use-api-keys";

export function ApiKeysView() {
  const { team } = useDashboard();
  const allowed = roleCan(team.role, "keys.manage");
  const query = useApiKeys(team.slug, allowed);
  const revoke = useRevokeApiKey(team.slug);
  const clients = useClients(team.slug).data?.clients;
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const columns = useMemo(() => {
    const clientNames = new Map(clients?.map((client) => [client.id, client.name]));
    return createColumns({ onRevoke: setRevoking, clientName: (id) => clientNames.get(id) ?? id });
  }, [clients]);
  const table = useDataTable({
    data: query.data?.keys ?? [],
    columns,
    getRowId: (key) => key.id,
  });

  function onRevoke(key: ApiKey) {
    revoke.mutate(key.id, {
      onSuccess: () => toast.success(`“${key.name}” was revoked: requests with ${key.prefix}… are refused from now on.`),
      onError: (error) => toast.error(`Could not revoke “${key.name}”: ${errorMessage(error)}`),
    });
  }

  if (!allowed) {
    return <Notice>Only owners and admins manage API keys.</Notice>;
  }

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let campaign tools and scripts call the API for this team. A key is shown once, when it is created."
        actions={<CreateKeyDialog team={team.slug} clients={clients ?? []} />}
      />
      <DataTable
        table={table}
        label="API keys"
        loading={query.isPending}
        busy={query.isFetching}
        error={query.isError ? `Could not load the keys: ${errorMessage(query.error)}` : null}
        onRetry={() => void query.refetch()}
        empty="No API keys yet."
        skeletonRows={3}
        // A revoked key stays listed for the record, greyed out.
        rowClassName={(row) => (row.original.revokedAt ? "*:text-muted-foreground" : undefined)}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke “${revoking?.name}”?`}
        description={`Requests with ${revoking?.prefix}… will be refused from now on. This cannot be undone.`}
        confirmLabel="Revoke key"
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && onRevoke(revoking)}
      />
    </>
  );
}

function CreateKeyDialog({ team, clients }: { team: string; clients: Client[] }) {
  return (
    <SecretOnceDialog
      trigger="Create API key"
      title="Create an API key"
      secretTitle="Copy your new key"
      secretDescription="This is the only time the key is shown. Store it in your tool's secret settings."
      secretTestId="new-api-key"
      submit={{ idle: "Create key", pending: "Creating…" }}
      create={useCreateApiKey(team)}
      variablesOf={(form) => ({
        name: String(form.get("name") ?? ""),
        scope: form.get("scope") === "write" ? ("write" as const) : ("read" as const),
        clientId: String(form.get("clientId") ?? "") || null,
      })}
      secretOf={(created) => created.key}
    >
      <div className="space-y-1.5">
        <Label htmlFor="key-name">Name</Label>
        <Input id="key-name" name="name" required maxLength={100} placeholder="e.g. Outreach tool" autoFocus />
      </div>
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-foreground">Scope</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="scope" value="read" defaultChecked /> Read: list and check URLs
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="scope" value="write" /> Write: also add and remove entries
        </label>
      </fieldset>
      {clients.length > 0 && (
        <div className="space-y-1.5">
          <Label htmlFor="key-client">Client</Label>
          <Select id="key-client" name="clientId" defaultValue="">
            <option value="">Team-wide: every list</option>
            {clients.map((client) => (
              <option key={client.id} value={client.id}>
                {client.name}
              </option>
            ))}
          </Select>
          <p className="text-xs text-muted-foreground">
            A client&apos;s key adds to that client&apos;s list and checks against the global list plus that client&apos;s.
          </p>
        </div>
      )}
    </SecretOnceDialog>
  );
}
