"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input, Label, Textarea } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { callApi, errorMessage } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import { DEFAULT_CATEGORY, ENTRY_CATEGORIES, type EntryCategory, isProtectedCategory } from "@/lib/dnc/categories";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { CategorySelect } from "./category-select";
import { entriesKey } from "./use-dnc-entries";

/**
 * Changes a row's category, expiry or note (PATCH /dnc/{id}, audited as dnc.updated); open while
 * `entry` is set. A protected entry's category can be changed to an unprotected one by owners only,
 * so others are offered the protected categories alone.
 */
export function EditEntryDialog({
  team,
  entry,
  canRemoveProtected,
  onClose,
}: {
  team: string;
  entry: DncEntryDto | null;
  canRemoveProtected: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog open={entry !== null} onOpenChange={(open) => !open && onClose()}>
      {entry ? <EditEntryForm team={team} entry={entry} canRemoveProtected={canRemoveProtected} onClose={onClose} /> : null}
    </Dialog>
  );
}

// Mounted per opening, so the fields start from the entry as it is each time.
function EditEntryForm({
  team,
  entry,
  canRemoveProtected,
  onClose,
}: {
  team: string;
  entry: DncEntryDto;
  canRemoveProtected: boolean;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const current = entry.category ?? DEFAULT_CATEGORY;
  const [category, setCategory] = useState<EntryCategory>(current);
  const [expiresOn, setExpiresOn] = useState(entry.expiresAt?.slice(0, 10) ?? "");
  const [note, setNote] = useState(entry.note ?? "");
  // The earliest day an expiry may name (the API refuses one in the past), read once per opening.
  const [tomorrow] = useState(() => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  const categories = isProtectedCategory(current) && !canRemoveProtected ? ENTRY_CATEGORIES.filter(isProtectedCategory) : ENTRY_CATEGORIES;
  const save = useMutation({
    mutationFn: () =>
      callApi(dncContracts.updateEntry, {
        params: { id: entry.$id },
        body: {
          category,
          note: note.trim() || null,
          // Sent only when changed; the entry stops matching at the start of the day chosen, UTC.
          expiresAt: expiresOn === (entry.expiresAt?.slice(0, 10) ?? "") ? undefined : expiresOn || null,
        },
        team,
      }),
    onSuccess: (saved) => {
      toast.success(`Saved ${saved.url}`);
      void queryClient.invalidateQueries({ queryKey: entriesKey(team) });
      onClose();
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    save.mutate();
  }

  return (
    <DialogContent title={`Edit ${entry.url}`} description="Changes are kept in the audit log, with what each field was before.">
      <form onSubmit={onSubmit} className="space-y-4">
        <div className="space-y-1.5">
          <Label htmlFor="edit-category">Category</Label>
          <CategorySelect id="edit-category" value={category} onChange={setCategory} categories={categories} />
          {isProtectedCategory(current) && !canRemoveProtected ? (
            <p className="text-sm text-muted-foreground">Only an owner can make a complaint or a legal demand another category.</p>
          ) : null}
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="edit-expires">Expires on (optional, UTC)</Label>
          <Input
            id="edit-expires"
            type="date"
            value={expiresOn}
            min={tomorrow}
            // An expiry on a protected entry is its removal decided in advance: an owner's.
            disabled={isProtectedCategory(category) && !canRemoveProtected}
            onChange={(event) => setExpiresOn(event.target.value)}
          />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="edit-note">Note</Label>
          <Textarea id="edit-note" maxLength={500} value={note} onChange={(event) => setNote(event.target.value)} />
        </div>
        {save.isError ? <Notice tone="error">{errorMessage(save.error)}</Notice> : null}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </DialogContent>
  );
}
