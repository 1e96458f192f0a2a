"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";

/**
 * A client's name, asked for when a client is added or renamed. The dialog stays open, the name as
 * typed, until the save succeeds; a refusal (a name already taken) is said inside it.
 */
export function ClientNameDialog({
  open,
  title,
  initialName = "",
  submit,
  pending,
  error,
  onSave,
  onClose,
}: {
  open: boolean;
  title: string;
  initialName?: string;
  /** The submit button's label, and its label while the request runs. */
  submit: { idle: string; pending: string };
  pending: boolean;
  error: string | null;
  onSave: (name: string) => void;
  onClose: () => void;
}) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()}>
      {open ? (
        <DialogContent title={title}>
          {/* Mounted per opening, so each starts from the name it was opened with. */}
          <NameForm initialName={initialName} submit={submit} pending={pending} error={error} onSave={onSave} onCancel={onClose} />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}

function NameForm({
  initialName,
  submit,
  pending,
  error,
  onSave,
  onCancel,
}: {
  initialName: string;
  submit: { idle: string; pending: string };
  pending: boolean;
  error: string | null;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initialName);
  const trimmed = name.trim();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (trimmed) onSave(trimmed);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <div className="space-y-1.5">
        <Label htmlFor="client-name">Client name</Label>
        <Input
          id="client-name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={100}
          placeholder="e.g. Acme Corp"
          autoFocus
        />
      </div>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={pending || !trimmed || trimmed === initialName}>
          {pending ? submit.pending : submit.idle}
        </Button>
      </div>
    </form>
  );
}
