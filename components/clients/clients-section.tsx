"use client";

import { useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { toast } from "@/components/ui/toaster";
import { useDataTable } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import type { Client } from "@/lib/clients/schemas";
import { formatNumber } from "@/lib/format";
import { ClientNameDialog } from "./client-name-dialog";
import { createClientColumns } from "./columns";
import { DeleteClientDialog } from "./delete-client-dialog";
import { describeClientError, useClients, useCreateClient, useDeleteClient, useRenameClient } from "./use-clients";

/**
 * The team's agency clients, on the Settings page: every member sees them and their entry counts;
 * owners and admins add, rename and delete them.
 */
export function ClientsSection({ team, canManage }: { team: string; canManage: boolean }) {
  const query = useClients(team);
  const clients = useMemo(() => query.data?.clients ?? [], [query.data]);
  const [adding, setAdding] = useState(false);
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [deletingId, setDeletingId] = useState<string | null>(null);
  // By id, from the latest list: a count that changed since the dialog opened (a refused delete refetches) shows at once.
  const renaming = clients.find((client) => client.id === renamingId) ?? null;
  const deleting = clients.find((client) => client.id === deletingId) ?? null;
  const create = useCreateClient(team);
  const rename = useRenameClient(team);
  const remove = useDeleteClient(team);
  const { reset: resetRename } = rename;
  const { reset: resetRemove } = remove;

  // A dialog opens without the last attempt's refusal.
  const columns = useMemo(
    () =>
      createClientColumns({
        canManage,
        onRename: (client) => {
          resetRename();
          setRenamingId(client.id);
        },
        onDelete: (client) => {
          resetRemove();
          setDeletingId(client.id);
        },
      }),
    [canManage, resetRename, resetRemove],
  );
  const table = useDataTable({ data: clients, columns, getRowId: (client) => client.id });

  function onDelete(client: Client, moveEntriesTo: string | undefined) {
    remove.mutate(
      { id: client.id, moveEntriesTo },
      {
        onSuccess: (result) => {
          setDeletingId(null);
          const target = clients.find((other) => other.id === moveEntriesTo);
          const moved = `${formatNumber(result.moved)} ${result.moved === 1 ? "entry" : "entries"}`;
          toast.success(
            result.moved > 0
              ? `“${client.name}” was deleted; ${moved} moved to ${target ? `“${target.name}”` : "the global list"}.`
              : `“${client.name}” was deleted.`,
          );
        },
      },
    );
  }

  return (
    <section aria-labelledby="clients-heading">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h2 id="clients-heading" className="text-base font-semibold text-foreground">
            Clients
          </h2>
          <p className="mt-1 text-sm text-muted-foreground">
            An agency keeps a list per client: a check for a client applies the global list and that client&apos;s own entries.
          </p>
        </div>
        {canManage ? (
          <Button
            variant="primary"
            onClick={() => {
              create.reset();
              setAdding(true);
            }}
          >
            Add client
          </Button>
        ) : null}
      </div>
      <div className="mt-4">
        <DataTable
          table={table}
          label="Clients"
          loading={query.isPending}
          busy={query.isFetching}
          error={query.isError ? `Could not load the clients: ${errorMessage(query.error)}` : null}
          onRetry={() => void query.refetch()}
          empty="No clients yet: every entry is on the global list."
          skeletonRows={2}
        />
      </div>
      {canManage ? null : <p className="mt-2 text-sm text-muted-foreground">Only owners and admins add, rename and delete clients.</p>}
      <ClientNameDialog
        open={adding}
        title="Add a client"
        submit={{ idle: "Add client", pending: "Adding…" }}
        pending={create.isPending}
        error={create.isError ? describeClientError(create.error, create.variables ?? "") : null}
        onSave={(name) =>
          create.mutate(name, {
            onSuccess: (created) => {
              setAdding(false);
              toast.success(`Client “${created.name}” added.`);
            },
          })
        }
        onClose={() => setAdding(false)}
      />
      <ClientNameDialog
        open={renaming !== null}
        title={`Rename “${renaming?.name}”`}
        initialName={renaming?.name}
        submit={{ idle: "Save", pending: "Saving…" }}
        pending={rename.isPending}
        error={rename.isError ? describeClientError(rename.error, rename.variables?.name ?? "") : null}
        onSave={(name) =>
          renaming &&
          rename.mutate(
            { id: renaming.id, name },
            {
              onSuccess: (saved) => {
                setRenamingId(null);
                toast.success(`“${renaming.name}” is now “${saved.name}”.`);
              },
            },
          )
        }
        onClose={() => setRenamingId(null)}
      />
      <DeleteClientDialog
        client={deleting}
        otherClients={clients.filter((client) => client.id !== deletingId)}
        pending={remove.isPending}
        error={remove.isError && deleting ? describeClientError(remove.error, deleting.name) : null}
        onConfirm={onDelete}
        onCancel={() => setDeletingId(null)}
      />
    </section>
  );
}
