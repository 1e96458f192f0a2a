"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { ApiRequestError, callApi, errorMessage } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import { IDENTIFIER_SHAPE_LABELS } from "@/lib/dnc/entry-identifier";
import { normalizeLinkedInUrl, parseLinkedInIdentifier } from "@/lib/dnc/normalize-linkedin-url";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { IdentifierPreview } from "./identifier-preview";
import { entriesKey } from "./use-dnc-entries";

/** Gives a row's entry another identifier of the same person; open while `entry` is set. */
export function AddAliasDialog({ team, entry, onClose }: { team: string; entry: DncEntryDto | null; onClose: () => void }) {
  return (
    <Dialog open={entry !== null} onOpenChange={(open) => !open && onClose()}>
      {entry ? <AddAliasForm team={team} entry={entry} onClose={onClose} /> : null}
    </Dialog>
  );
}

// Mounted per opening, so the field and the last refusal start empty each time.
function AddAliasForm({ team, entry, onClose }: { team: string; entry: DncEntryDto; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const identifier = url.trim() ? parseLinkedInIdentifier(url) : null;
  const recognised = identifier && { canonical: identifier.canonical, label: IDENTIFIER_SHAPE_LABELS[identifier.shape] };
  const add = useMutation({
    mutationFn: (submitted: string) => callApi(dncContracts.addAlias, { params: { id: entry.$id }, body: { url: submitted }, team }),
    onSuccess: (_, submitted) => {
      toast.success(`Added ${normalizeLinkedInUrl(submitted) ?? submitted} as an alias of ${entry.url}`);
      void queryClient.invalidateQueries({ queryKey: entriesKey(team) });
      onClose();
    },
  });
  const heldBy = add.error instanceof ApiRequestError && add.error.status === 409 ? add.error.heldBy : undefined;

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    add.mutate(url);
  }

  return (
    <DialogContent
      title={`Add an alias of ${entry.url}`}
      description="An alias is another identifier of the same person: the new URL after they changed their vanity slug, a Sales Navigator or Recruiter link, a member URN. A check by any of them finds this entry."
    >
      <form onSubmit={onSubmit} className="space-y-4">
        <div className="space-y-1.5">
          <Label htmlFor="alias-url">Other identifier</Label>
          <Input
            id="alias-url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            placeholder="https://www.linkedin.com/sales/lead/ACwAAA…"
            required
            autoFocus
          />
          <IdentifierPreview input={url} recognised={recognised} unrecognised="Not a LinkedIn profile URL" />
        </div>
        {add.isError ? (
          <Notice tone={heldBy ? "info" : "error"}>
            {heldBy
              ? `${normalizeLinkedInUrl(add.variables) ?? add.variables} is already on the list as ${heldBy.url}${heldBy.$id === entry.$id ? " (this entry)" : ""}.`
              : errorMessage(add.error)}
          </Notice>
        ) : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={add.isPending || !identifier}>
            {add.isPending ? "Adding…" : "Add alias"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
