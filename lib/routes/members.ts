import "server-only";
import { memberContracts } from "@/lib/contracts/members";
import { defineRoute } from "@/lib/http/define-route";
import { publicOrigin } from "@/lib/http/client-address";
import { authorizeInvitation, authorizeRemoval, authorizeRoleChange } from "@/lib/members/authorize-member-change";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { inviteMember } from "@/lib/members/invite-member";
import { listInvitations } from "@/lib/members/list-invitations";
import { listMembers } from "@/lib/members/list-members";
import { removeMember } from "@/lib/members/remove-member";
import { revokeInvitation } from "@/lib/members/revoke-invitation";

/** The server side of the member and invitation contracts (lib/contracts/members.ts). */

export const listMembersRoute = defineRoute(memberContracts.listMembers, {
  handle: async ({ caller }) => ({ members: await listMembers({ teamId: caller.teamId, callerUserId: caller.userId }) }),
});

export const changeMemberRoleRoute = defineRoute(memberContracts.changeMemberRole, {
  authorize: ({ caller, id, body }) => authorizeRoleChange({ caller, userId: id, role: body.role }),
  handle: ({ caller, id, body, requestId }) => changeMemberRole({ caller, userId: id, role: body.role, requestId }),
});

export const removeMemberRoute = defineRoute(memberContracts.removeMember, {
  authorize: ({ caller, id }) => authorizeRemoval({ caller, userId: id }),
  handle: async ({ caller, id, requestId }) => {
    await removeMember({ caller, userId: id, requestId });
    return { message: "Member removed" as const };
  },
});

export const listInvitationsRoute = defineRoute(memberContracts.listInvitations, {
  handle: async ({ caller }) => ({ invitations: await listInvitations(caller.teamId) }),
});

export const inviteMemberRoute = defineRoute(memberContracts.inviteMember, {
  authorize: ({ caller, body }) => authorizeInvitation({ caller, role: body.role }),
  handle: ({ request, caller, body, requestId }) =>
    inviteMember({
      caller,
      email: body.email,
      role: body.role,
      origin: publicOrigin(request.headers) ?? new URL(request.url).origin,
      requestId,
    }),
});

export const revokeInvitationRoute = defineRoute(memberContracts.revokeInvitation, {
  handle: async ({ caller, id, requestId }) => {
    await revokeInvitation({ caller, id, requestId });
    return { message: "Invitation revoked" as const };
  },
});
