"use client";

import { useState } from "react";
import { AlertDialog, AlertDialogCancel, AlertDialogContent } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import type { Client } from "@/lib/clients/schemas";
import { formatNumber } from "@/lib/format";
import { ClientSelect } from "./client-select";

/**
 * Confirms a client's deletion. A client with entries cannot go until its entries have somewhere
 * to go: the global list or another client's, chosen here, and the dialog says how many move.
 * It stays open while the request runs and says a refusal (keys bound to the client) inside.
 */
export function DeleteClientDialog({
  client,
  otherClients,
  pending,
  error,
  onConfirm,
  onCancel,
}: {
  client: Client | null;
  otherClients: readonly Client[];
  pending: boolean;
  error: string | null;
  onConfirm: (client: Client, moveEntriesTo: string | undefined) => void;
  onCancel: () => void;
}) {
  return (
    <AlertDialog open={client !== null} onOpenChange={(open) => !open && onCancel()}>
      {client ? (
        <AlertDialogContent
          title={`Delete “${client.name}”?`}
          description={
            client.entries === 0
              ? "The client has no entries. API keys bound to it must be revoked first."
              : `${entriesPhrase(client.entries)} on this client's list will move to the list you choose. API keys bound to it must be revoked first.`
          }
          onOutsideClick={onCancel}
        >
          {/* Keyed by client, so a new opening never inherits the last one's choice. */}
          <DeleteForm key={client.id} client={client} otherClients={otherClients} pending={pending} error={error} onConfirm={onConfirm} />
        </AlertDialogContent>
      ) : null}
    </AlertDialog>
  );
}

function DeleteForm({
  client,
  otherClients,
  pending,
  error,
  onConfirm,
}: {
  client: Client;
  otherClients: readonly Client[];
  pending: boolean;
  error: string | null;
  onConfirm: (client: Client, moveEntriesTo: string | undefined) => void;
}) {
  const [target, setTarget] = useState("");
  const needsTarget = client.entries > 0;
  return (
    <form
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        onConfirm(client, needsTarget ? target : undefined);
      }}
    >
      {needsTarget ? (
        <div className="space-y-1.5">
          <Label htmlFor="move-entries-to">Move its {entriesPhrase(client.entries)} to</Label>
          <ClientSelect
            id="move-entries-to"
            clients={otherClients}
            value={target}
            onChange={setTarget}
            placeholder="Choose a list…"
            required
          />
        </div>
      ) : null}
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex justify-end gap-2">
        <AlertDialogCancel asChild>
          <Button>Cancel</Button>
        </AlertDialogCancel>
        <Button type="submit" variant="danger" disabled={pending || (needsTarget && !target)}>
          {pending ? "Deleting…" : "Delete client"}
        </Button>
      </div>
    </form>
  );
}

const entriesPhrase = (count: number) => `${formatNumber(count)} ${count === 1 ? "entry" : "entries"}`;
