"use client";

import { useQueryClient } from "@tanstack/react-query";
import { getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { type FormEvent, useMemo, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Notice, PageHeader } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { callApi, errorMessage } from "@/components/api-client/call-api";
import type { ApiKey } from "@/lib/api-keys/schemas";
import { canManageKeys } from "@/lib/auth/team-selection";
import { apiKeyContracts } from "@/lib/contracts/api-keys";
import { createColumns } from "./columns";
import { apiKeysKey, useApiKeys, useRevokeApiKey } from "./use-api-keys";

export function ApiKeysView() {
  const { team } = useDashboard();
  const queryClient = useQueryClient();
  const allowed = canManageKeys(team.role);
  const query = useApiKeys(team.slug, allowed);
  const revoke = useRevokeApiKey(team.slug);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const columns = useMemo(() => createColumns({ onRevoke: setRevoking }), []);
  const table = useReactTable({
    data: query.data?.keys ?? [],
    columns,
    getRowId: (key) => key.id,
    getCoreRowModel: getCoreRowModel(),
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
        actions={
          <CreateKeyDialog team={team.slug} onCreated={() => void queryClient.invalidateQueries({ queryKey: apiKeysKey(team.slug) })} />
        }
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

function CreateKeyDialog({ team, onCreated }: { team: string; onCreated: () => void }) {
  const [open, setOpen] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const created = await callApi(apiKeyContracts.createApiKey, {
        team,
        body: { name: String(form.get("name") ?? ""), scope: form.get("scope") === "write" ? "write" : "read" },
      });
      setSecret(created.key);
      toast.success(`API key “${created.name}” created.`);
      onCreated();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setPending(false);
    }
  }

  async function copy() {
    if (!secret) return;
    await navigator.clipboard.writeText(secret).catch(() => undefined);
    setCopied(true);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setSecret(null);
          setCopied(false);
          setError(null);
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary">Create API key</Button>
      </DialogTrigger>
      <DialogContent
        title={secret ? "Copy your new key" : "Create an API key"}
        description={secret ? "This is the only time the key is shown. Store it in your tool's secret settings." : undefined}
      >
        {secret ? (
          <div className="space-y-4">
            <div className="flex items-center gap-2">
              <code data-testid="new-api-key" className="min-w-0 flex-1 rounded-md bg-muted px-3 py-2 font-mono text-[13px] break-all">
                {secret}
              </code>
              <Button onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
            </div>
            <div className="flex justify-end">
              <Button variant="primary" onClick={() => setOpen(false)}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4">
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
            {error ? <Notice tone="error">{error}</Notice> : null}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={pending}>
                {pending ? "Creating…" : "Create key"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
