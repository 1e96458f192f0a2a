"use client";

import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { useDataTable } from "@/components/ui/use-data-table";
import { errorMessage } from "@/components/api-client/call-api";
import { ROLE_LABELS, roleCan, type Role } from "@/lib/auth/permissions";
import type { Invitation, Member } from "@/lib/members/schemas";
import { createInvitationColumns, createMemberColumns } from "./columns";
import { InviteDialog } from "./invite-dialog";
import { RemoveMemberDialog } from "./remove-member-dialog";
import { useInvitations, useRevokeInvitation } from "./use-invitations";
import { useChangeMemberRole, useMembers, useRemoveMember } from "./use-members";

export function MembersView() {
  const { team } = useDashboard();
  const router = useRouter();
  const manage = roleCan(team.role, "members.manage");
  const members = useMembers(team.slug);
  const changeRole = useChangeMemberRole(team.slug);
  const remove = useRemoveMember(team.slug);
  const [removing, setRemoving] = useState<Member | null>(null);
  // A role change is asked first: one arrow key on the select must not make a viewer an admin.
  const [roleChange, setRoleChange] = useState<{ member: Member; role: Role } | null>(null);

  const list = members.data?.members;
  const ownerCount = useMemo(() => (list ?? []).filter((m) => m.role === "owner").length, [list]);
  const busyUserId = changeRole.isPending ? changeRole.variables.userId : remove.isPending ? remove.variables : null;

  function onRoleChange(member: Member, role: Role) {
    setRoleChange(null);
    changeRole.mutate(
      { userId: member.userId, role },
      {
        onSuccess: (updated) => {
          toast.success(`${updated.name} is now ${ROLE_LABELS[updated.role].toLowerCase()}.`);
          // Your own role changed: the navigation and this page's controls come from the server layout.
          if (member.isYou) router.refresh();
        },
        onError: (error) => toast.error(`Could not change the role of ${member.name}: ${errorMessage(error)}`),
      },
    );
  }

  function onRemove(member: Member) {
    setRemoving(null);
    remove.mutate(member.userId, {
      onSuccess: () => {
        if (member.isYou) {
          // A full load: the dashboard starts again from the teams you still belong to.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          window.location.assign("/entries");
          return;
        }
        toast.success(`${member.name} was removed from ${team.name}.`);
      },
      onError: (error) => toast.error(`Could not remove ${member.name}: ${errorMessage(error)}`),
    });
  }

  // Rebuilt every render: a handful of rows, and the handlers close over this render's state.
  const columns = createMemberColumns({
    actor: team.role,
    ownerCount,
    busyUserId,
    onRoleChange: (member, role) => role !== member.role && setRoleChange({ member, role }),
    onRemove: setRemoving,
  });
  const table = useDataTable({
    data: list ?? [],
    columns,
    getRowId: (member) => member.userId,
  });

  return (
    <>
      <PageHeader
        title="Members"
        description={
          manage
            ? `People who can sign in to ${team.name}, and their roles. Changes take effect on their next request.`
            : `People who can sign in to ${team.name}, and their roles.`
        }
        actions={manage ? <InviteDialog team={team.slug} actor={team.role} /> : null}
      />
      <DataTable
        table={table}
        label="Members"
        loading={members.isPending}
        busy={members.isFetching}
        error={members.isError ? `Could not load the members: ${errorMessage(members.error)}` : null}
        onRetry={() => void members.refetch()}
        empty="No members."
        skeletonRows={3}
      />
      <RemoveMemberDialog member={removing} teamName={team.name} onCancel={() => setRemoving(null)} onConfirm={onRemove} />
      <ConfirmDialog
        open={roleChange !== null}
        title={roleChange ? `Make ${roleChange.member.isYou ? "yourself" : roleChange.member.name} ${withArticle(roleChange.role)}?` : ""}
        description={
          roleChange ? (
            <>
              {roleChange.member.isYou ? "Your" : `${roleChange.member.name}'s`} role goes from {ROLE_LABELS[roleChange.member.role]} to{" "}
              {ROLE_LABELS[roleChange.role]}, from their next request on. {ROLE_GRANTS[roleChange.role]}
            </>
          ) : null
        }
        confirmLabel={roleChange ? `Make ${ROLE_LABELS[roleChange.role].toLowerCase()}` : ""}
        onCancel={() => setRoleChange(null)}
        onConfirm={() => roleChange && onRoleChange(roleChange.member, roleChange.role)}
      />
      {manage ? <PendingInvitations team={team.slug} /> : null}
    </>
  );
}

/** What each role may do, as the role-change confirmation says it (lib/auth/permissions.ts decides). */
const ROLE_GRANTS: Record<Role, string> = {
  viewer: "Viewers see the list, its history and the audit log, and change nothing.",
  admin:
    "Admins add, import, remove and restore entries, and manage API keys, webhooks, clients, members (not owners) and the team's settings.",
  owner:
    "Owners can do everything admins can, and also remove complaint and legal entries, make or remove other owners, and change any member's role.",
};

const withArticle = (role: Role) => (role === "admin" || role === "owner" ? `an ${role}` : `a ${role}`);

function PendingInvitations({ team }: { team: string }) {
  const query = useInvitations(team, true);
  const revoke = useRevokeInvitation(team);
  const [revoking, setRevoking] = useState<Invitation | null>(null);
  const columns = useMemo(() => createInvitationColumns({ onRevoke: setRevoking }), []);
  const pending = useMemo(() => (query.data?.invitations ?? []).filter((i) => i.status === "pending"), [query.data]);
  const table = useDataTable({
    data: pending,
    columns,
    getRowId: (invitation) => invitation.id,
  });

  function onRevoke(invitation: Invitation) {
    revoke.mutate(invitation.id, {
      onSuccess: () => toast.success(`The invitation for ${invitation.email} was revoked; its link no longer works.`),
      onError: (error) => toast.error(`Could not revoke the invitation for ${invitation.email}: ${errorMessage(error)}`),
    });
  }

  return (
    <section className="mt-10" aria-labelledby="pending-invitations">
      <h2 id="pending-invitations" className="mb-3 text-base font-semibold text-foreground">
        Pending invitations
      </h2>
      <DataTable
        table={table}
        label="Pending invitations"
        loading={query.isPending}
        busy={query.isFetching}
        error={query.isError ? `Could not load the invitations: ${errorMessage(query.error)}` : null}
        onRetry={() => void query.refetch()}
        empty="No pending invitations."
        skeletonRows={2}
      />
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke the invitation for ${revoking?.email}?`}
        description="The link stops working at once. You can invite them again later."
        confirmLabel="Revoke invitation"
        onCancel={() => setRevoking(null)}
        onConfirm={() => revoking && onRevoke(revoking)}
      />
    </section>
  );
}
