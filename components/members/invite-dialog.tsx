"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { errorMessage } from "@/components/api-client/call-api";
import { formatDateTime } from "@/lib/format";
import type { CreatedInvitation, MemberRole } from "@/lib/members/schemas";
import { ROLE_LABELS } from "./columns";
import { assignableRoles } from "./member-permissions";
import { useCreateInvitation } from "./use-invitations";

const ROLE_HINTS: Record<MemberRole, string> = {
  owner: "everything an admin does, and manages owners",
  admin: "edits the list, manages API keys, invites and manages members",
  viewer: "reads, checks and exports the list",
};

/** Invites one person; the link is shown once, after which only its hash exists on the server. */
export function InviteDialog({ team, actor }: { team: string; actor: MemberRole }) {
  const create = useCreateInvitation(team);
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const [copied, setCopied] = useState(false);
  const roles = assignableRoles(actor);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate(
      { email: String(form.get("email") ?? ""), role: form.get("role") as MemberRole },
      {
        onSuccess: (result) => {
          setCreated(result);
          const { email } = result.invitation;
          toast.success(result.emailed ? `Invitation e-mailed to ${email}.` : `Invitation for ${email} created.`);
        },
      },
    );
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard.writeText(created.url).catch(() => undefined);
    setCopied(true);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) {
          setCreated(null);
          setCopied(false);
          create.reset();
        }
      }}
    >
      <DialogTrigger asChild>
        <Button variant="primary">Invite</Button>
      </DialogTrigger>
      <DialogContent
        title={created ? "Share the invitation link" : "Invite a member"}
        description={
          created
            ? "This is the only time the link is shown. Whoever opens it can join as the invited email, until it expires or is revoked."
            : "They join this team after opening the link and signing in or choosing a password."
        }
      >
        {created ? (
          <div className="space-y-4">
            <div className="flex items-center gap-2">
              <code data-testid="invitation-url" className="min-w-0 flex-1 rounded-md bg-muted px-3 py-2 font-mono text-[13px] break-all">
                {created.url}
              </code>
              <Button onClick={copy}>{copied ? "Copied" : "Copy"}</Button>
            </div>
            <Notice tone={created.emailed ? "success" : "info"}>
              {created.emailed
                ? `The link was also e-mailed to ${created.invitation.email}.`
                : `The link was not e-mailed: send it to ${created.invitation.email} yourself.`}
            </Notice>
            <p className="text-sm text-muted-foreground">Expires {formatDateTime(created.invitation.expiresAt)}.</p>
            <div className="flex justify-end">
              <Button variant="primary" onClick={() => setOpen(false)}>
                Done
              </Button>
            </div>
          </div>
        ) : (
          <form onSubmit={onSubmit} className="space-y-4">
            <div className="space-y-1.5">
              <Label htmlFor="invite-email">Email</Label>
              <Input id="invite-email" name="email" type="email" required maxLength={254} autoComplete="off" autoFocus />
            </div>
            <fieldset className="space-y-1.5">
              <legend className="text-sm font-medium text-foreground">Role</legend>
              {roles.map((role) => (
                <label key={role} className="flex items-center gap-2 text-sm">
                  <input type="radio" name="role" value={role} defaultChecked={role === "viewer"} /> {ROLE_LABELS[role]}: {ROLE_HINTS[role]}
                </label>
              ))}
            </fieldset>
            {create.isError ? <Notice tone="error">{errorMessage(create.error)}</Notice> : null}
            <div className="flex justify-end gap-2">
              <Button onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" variant="primary" disabled={create.isPending}>
                {create.isPending ? "Inviting…" : "Create invitation"}
              </Button>
            </div>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
