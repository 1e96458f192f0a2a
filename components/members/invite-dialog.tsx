"use client";

import { useState } from "react";
import { Input, Label } from "@/components/ui/input";
import { Notice } from "@/components/ui/page-header";
import { SecretOnceDialog } from "@/components/ui/secret-once-dialog";
import { toast } from "@/components/ui/toaster";
import { assignableRoles, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/format";
import { useCreateInvitation, useInvitations } from "./use-invitations";

const ROLE_HINTS: Record<Role, string> = {
  owner: "everything an admin does, and manages owners",
  admin: "edits the list, manages API keys, invites and manages members",
  viewer: "reads, checks and exports the list",
};

/** Invites one person; the link is shown once, after which only its hash exists on the server. */
export function InviteDialog({ team, actor }: { team: string; actor: Role }) {
  const create = useCreateInvitation(team);
  return (
    <SecretOnceDialog
      trigger="Invite"
      title="Invite a member"
      description="They join this team after opening the link and signing in or choosing a password."
      secretTitle="Share the invitation link"
      secretDescription="This is the only time the link is shown. Whoever opens it can join as the invited email, until it expires or is revoked."
      secretTestId="invitation-url"
      submit={{ idle: "Create invitation", pending: "Inviting…" }}
      create={create}
      variablesOf={(form) => ({ email: String(form.get("email") ?? ""), role: form.get("role") as Role })}
      secretOf={(created) => created.url}
      onCreated={({ emailed, invitation }) =>
        toast.success(emailed ? `Invitation e-mailed to ${invitation.email}.` : `Invitation for ${invitation.email} created.`)
      }
      afterSecret={({ emailed, invitation }) => (
        <>
          <Notice tone={emailed ? "success" : "info"}>
            {emailed
              ? `The link was also e-mailed to ${invitation.email}.`
              : `The link was not e-mailed: send it to ${invitation.email} yourself.`}
          </Notice>
          <p className="text-sm text-muted-foreground">Expires {formatDateTime(invitation.expiresAt)}.</p>
        </>
      )}
    >
      <EmailField team={team} />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-foreground">Role</legend>
        {assignableRoles(actor).map((role) => (
          <label key={role} className="flex items-center gap-2 text-sm">
            <input type="radio" name="role" value={role} defaultChecked={role === "viewer"} /> {ROLE_LABELS[role]}: {ROLE_HINTS[role]}
          </label>
        ))}
      </fieldset>
    </SecretOnceDialog>
  );
}

/**
 * The address to invite, and a warning while it has a pending invitation: inviting it again revokes
 * that one (lib/members/invite-member.ts), so say so before, not after. Unmounted with the form, so
 * it starts empty each time the dialog opens.
 */
function EmailField({ team }: { team: string }) {
  const invitations = useInvitations(team, true);
  const [email, setEmail] = useState("");
  const pending = invitations.data?.invitations.find(
    (invitation) => invitation.status === "pending" && invitation.email === email.trim().toLowerCase(),
  );
  return (
    <>
      <div className="space-y-1.5">
        <Label htmlFor="invite-email">Email</Label>
        <Input
          id="invite-email"
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          autoFocus
          aria-describedby={pending ? "invite-pending" : undefined}
          onChange={(event) => setEmail(event.target.value)}
        />
      </div>
      {pending ? (
        <div id="invite-pending">
          <Notice>
            {pending.email} has a pending invitation (sent {formatDateTime(pending.createdAt)} by {pending.invitedBy}). Inviting them again
            revokes it: the earlier link stops working.
          </Notice>
        </div>
      ) : null}
    </>
  );
}
