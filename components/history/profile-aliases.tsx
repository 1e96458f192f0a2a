"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { entriesKey } from "@/components/entries/use-dnc-entries";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toaster";
import { callApi, errorMessage } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import { displayProfileUrl } from "@/lib/dnc/slug-display";

/**
 * The aliases the profile's entry has now, with Remove for people who may write. Read by a check of
 * its URL, under the entries' key, so adding or removing an alias anywhere refreshes the list.
 */
export function ProfileAliases({ team, url, canWrite }: { team: string; url: string; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const listed = useQuery({
    queryKey: [...entriesKey(team), "listed", url],
    queryFn: ({ signal }) => callApi(dncContracts.checkEntry, { query: { url }, team, signal }),
  });
  const [pending, setPending] = useState<string | null>(null);
  const entry = listed.data?.onList ? listed.data.entry : null;
  const remove = useMutation({
    mutationFn: ({ id, alias }: { id: string; alias: string }) => callApi(dncContracts.removeAlias, { params: { id, url: alias }, team }),
    onSuccess: (_, { alias }) => toast.success(`Removed the alias ${alias}`),
    onError: (error, { alias }) => toast.error(`Could not remove the alias ${alias}: ${errorMessage(error)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: entriesKey(team) }),
  });
  if (!entry?.aliases) return null;

  return (
    <section aria-labelledby="profile-aliases" className="mb-4">
      <h3 id="profile-aliases" className="text-sm font-semibold text-foreground">
        Aliases
      </h3>
      <p className="text-xs text-muted-foreground">Other identifiers of this person; a check by any of them finds the entry.</p>
      <ul className="mt-1 space-y-1">
        {entry.aliases.map((alias) => (
          <li key={alias} className="flex items-center justify-between gap-2">
            <span className="min-w-0 break-all font-mono text-[13px] text-foreground" title={alias}>
              {displayProfileUrl(alias).text}
            </span>
            {canWrite ? (
              <Button size="sm" variant="ghost-danger" aria-label={`Remove alias ${alias}`} onClick={() => setPending(alias)}>
                Remove
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={pending !== null}
        title="Remove this alias?"
        description={`${pending} will no longer find ${entry.url}: a check by it will say it is not on the list. The entry and its other identifiers stay.`}
        confirmLabel="Remove alias"
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (pending) remove.mutate({ id: entry.$id, alias: pending });
          setPending(null);
        }}
      />
    </section>
  );
}
