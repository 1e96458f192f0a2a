"use client";

import type { ColumnDef } from "@tanstack/react-table";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format";
import { assignableRoles, mayManageMember, mayRemoveMember, ROLE_LABELS, type Role } from "@/lib/auth/permissions";
import type { Invitation, Member } from "@/lib/members/schemas";

/** On a phone: name (with the email under it), role and the remove button; the dates join from md. */
export function createMemberColumns(options: {
  /** The signed-in person's role in this team. */
  actor: Role;
  ownerCount: number;
  /** The member whose change is on its way: their controls wait for the answer. */
  busyUserId: string | null;
  onRoleChange: (member: Member, role: Role) => void;
  onRemove: (member: Member) => void;
}): ColumnDef<Member>[] {
  const { actor, ownerCount, busyUserId } = options;
  return [
    {
      id: "name",
      header: "Name",
      cell: ({ row }) => (
        <>
          <span className="font-medium text-foreground">
            {row.original.name}
            {row.original.isYou ? <span className="ml-1.5 text-xs font-normal text-muted-foreground">(you)</span> : null}
          </span>
          <span className="block text-xs text-muted-foreground wrap-anywhere sm:hidden">{row.original.email}</span>
        </>
      ),
    },
    { id: "email", header: "Email", cell: ({ row }) => row.original.email, meta: { className: "hidden sm:table-cell" } },
    {
      id: "role",
      header: "Role",
      cell: ({ row }) => {
        const member = row.original;
        if (!mayManageMember(actor, member.role)) return ROLE_LABELS[member.role];
        return (
          <select
            aria-label={`Role of ${member.name}`}
            className="h-8 rounded-md border border-input bg-surface px-2 text-sm disabled:opacity-50"
            value={member.role}
            disabled={busyUserId === member.userId}
            onChange={(event) => options.onRoleChange(member, event.target.value as Role)}
          >
            {assignableRoles(actor).map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
              </option>
            ))}
          </select>
        );
      },
      meta: { width: 128 },
    },
    {
      id: "joinedAt",
      header: "Joined",
      cell: ({ row }) => formatDateTime(row.original.joinedAt),
      meta: { width: 176, className: "hidden md:table-cell" },
    },
    {
      id: "lastSignInAt",
      header: "Last sign-in",
      cell: ({ row }) => (row.original.lastSignInAt ? formatDateTime(row.original.lastSignInAt) : "Never"),
      meta: { width: 176, className: "hidden md:table-cell" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => {
        const member = row.original;
        // The server refuses to remove the last owner (409): not offered, not even to them.
        const lastOwner = member.role === "owner" && ownerCount <= 1;
        if (lastOwner || !mayRemoveMember(actor, member.role, { isSelf: member.isYou })) return null;
        return (
          <Button
            size="sm"
            variant="ghost-danger"
            disabled={busyUserId === member.userId}
            onClick={() => options.onRemove(member)}
            aria-label={member.isYou ? "Leave the team" : `Remove ${member.name}`}
          >
            {member.isYou ? "Leave" : "Remove"}
          </Button>
        );
      },
      meta: { width: 96 },
    },
  ];
}

/** On a phone: email, role and the revoke button; the expiry joins from sm, the sender and date from md. */
export function createInvitationColumns(options: { onRevoke: (invitation: Invitation) => void }): ColumnDef<Invitation>[] {
  return [
    { id: "email", header: "Email", cell: ({ row }) => <span className="wrap-anywhere">{row.original.email}</span> },
    { id: "role", header: "Role", cell: ({ row }) => ROLE_LABELS[row.original.role], meta: { width: 96 } },
    {
      id: "invitedBy",
      header: "Invited by",
      cell: ({ row }) => row.original.invitedBy,
      meta: { className: "hidden md:table-cell" },
    },
    {
      id: "createdAt",
      header: "Sent",
      cell: ({ row }) => formatDateTime(row.original.createdAt),
      meta: { width: 176, className: "hidden md:table-cell" },
    },
    {
      id: "expiresAt",
      header: "Expires",
      cell: ({ row }) => formatDateTime(row.original.expiresAt),
      meta: { width: 176, className: "hidden sm:table-cell" },
    },
    {
      id: "actions",
      header: () => <span className="sr-only">Actions</span>,
      cell: ({ row }) => (
        <Button
          size="sm"
          variant="ghost-danger"
          onClick={() => options.onRevoke(row.original)}
          aria-label={`Revoke the invitation for ${row.original.email}`}
        >
          Revoke
        </Button>
      ),
      meta: { width: 96 },
    },
  ];
}
