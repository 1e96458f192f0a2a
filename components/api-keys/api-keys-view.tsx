"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { AlertDialog, AlertDialogAction, AlertDialogCancel, AlertDialogContent } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Notice, PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, Td, Th } from "@/components/ui/table";
import { apiFetch, errorMessage } from "@/lib/api-client/api-fetch";
import type { ApiKey, CreatedApiKey, ListApiKeysResult } from "@/lib/api-keys/schemas";
import { canManageKeys } from "@/lib/auth/team-selection";
import { formatDateTime } from "@/lib/format";

export function ApiKeysView() {
  const { team } = useDashboard();
  const queryClient = useQueryClient();
  const key = ["api-keys", team.slug];
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => apiFetch<ListApiKeysResult>("/api/v1/api-keys", { team: team.slug, signal }),
    enabled: canManageKeys(team.role),
  });
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/api-keys/${id}`, { method: "DELETE", team: team.slug }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  if (!canManageKeys(team.role)) {
    return <Notice>Only owners and admins manage API keys.</Notice>;
  }

  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys let campaign tools and scripts call the API for this team. A key is shown once, when it is created."
        actions={<CreateKeyDialog team={team.slug} onCreated={() => void queryClient.invalidateQueries({ queryKey: key })} />}
      />
      {revoke.isError ? <Notice tone="error">Could not revoke the key: {errorMessage(revoke.error)}</Notice> : null}
      <Table aria-label="API keys">
        <thead>
          <tr>
            <Th>Name</Th>
            <Th className="w-36">Key</Th>
            <Th className="w-20">Scope</Th>
            <Th className="w-44">Created</Th>
            <Th className="w-44">Last used</Th>
            <Th className="w-28">
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </thead>
        <tbody>
          {query.isPending ? (
            <tr>
              <Td colSpan={6}>
                <Skeleton className="h-4 w-64" />
              </Td>
            </tr>
          ) : query.isError ? (
            <tr>
              <Td colSpan={6} className="h-24 text-center text-red-700">
                Could not load the keys: {errorMessage(query.error)}
              </Td>
            </tr>
          ) : query.data.keys.length === 0 ? (
            <tr>
              <Td colSpan={6} className="h-24 text-center text-zinc-500">
                No API keys yet.
              </Td>
            </tr>
          ) : (
            query.data.keys.map((k) => (
              <tr key={k.id} className={k.revokedAt ? "text-zinc-400" : undefined}>
                <Td>{k.name}</Td>
                <Td className="font-mono text-[13px]">{k.prefix}…</Td>
                <Td>{k.scope}</Td>
                <Td className="text-zinc-600">{formatDateTime(k.createdAt)}</Td>
                <Td className="text-zinc-600">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</Td>
                <Td>
                  {k.revokedAt ? (
                    <span className="text-xs">Revoked</span>
                  ) : (
                    <Button size="sm" variant="ghost" className="text-red-700 hover:bg-red-50" onClick={() => setRevoking(k)} aria-label={`Revoke ${k.name}`}>
                      Revoke
                    </Button>
                  )}
                </Td>
              </tr>
            ))
          )}
        </tbody>
      </Table>
      <AlertDialog open={revoking !== null} onOpenChange={(open) => !open && setRevoking(null)}>
        {revoking ? (
          <AlertDialogContent
            title={`Revoke “${revoking.name}”?`}
            description={`Requests with ${revoking.prefix}… will be refused from now on. This cannot be undone.`}
            onOutsideClick={() => setRevoking(null)}
          >
            <div className="flex justify-end gap-2">
              <AlertDialogCancel asChild>
                <Button>Cancel</Button>
              </AlertDialogCancel>
              <AlertDialogAction asChild>
                <Button variant="danger" onClick={() => revoke.mutate(revoking.id)}>
                  Revoke key
                </Button>
              </AlertDialogAction>
            </div>
          </AlertDialogContent>
        ) : null}
      </AlertDialog>
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
      const created = await apiFetch<CreatedApiKey>("/api/v1/api-keys", { method: "POST", team, body: { name: form.get("name"), scope: form.get("scope") } });
      setSecret(created.key);
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
      <DialogContent title={secret ? "Copy your new key" : "Create an API key"} description={secret ? "This is the only time the key is shown. Store it in your tool's secret settings." : undefined}>
        {secret ? (
          <div className="space-y-4">
            <div className="flex items-center gap-2">
              <code data-testid="new-api-key" className="flex-1 overflow-x-auto rounded-md bg-zinc-100 px-3 py-2 font-mono text-[13px]">
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
              <legend className="text-sm font-medium text-zinc-800">Scope</legend>
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
