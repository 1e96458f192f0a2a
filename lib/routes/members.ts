import "server-only";
import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { publicOrigin } from "@/lib/http/client-address";
import { authorizeInvitation, authorizeRemoval, authorizeRoleChange } from "@/lib/members/authorize-member-change";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { inviteMember } from "@/lib/members/invite-member";
import { listInvitations } from "@/lib/members/list-invitations";
import { listMembers } from "@/lib/members/list-members";
import { removeMember } from "@/lib/members/remove-member";
import { revokeInvitation } from "@/lib/members/revoke-invitation";
import {
  changeRoleBodySchema,
  createdInvitationSchema,
  inviteBodySchema,
  listInvitationsResultSchema,
  listMembersResultSchema,
  memberSchema,
} from "@/lib/members/schemas";

/** A team administers itself: members and invitations, for signed-in people only (API keys get 403). */

const userIdSchema = z.string().regex(/^user_[A-Za-z0-9]{1,64}$/);
const invitationIdSchema = z.string().regex(/^inv_[A-Za-z0-9]{1,64}$/);

export const listMembersRoute = defineRoute({
  method: "GET",
  path: "/members",
  summary: "The team's members with their roles (any signed-in member, session only)",
  bucket: "read",
  access: "member",
  success: { status: 200, data: listMembersResultSchema },
  errors: [],
  handle: async ({ caller }) => ({ members: await listMembers({ teamId: caller.teamId, callerUserId: caller.userId }) }),
});

export const changeMemberRoleRoute = defineRoute({
  method: "PATCH",
  path: "/members/{id}",
  summary: "Change a member's role; the team always keeps an owner (owners and admins, session only)",
  bucket: "write",
  access: "manage",
  id: { schema: userIdSchema, invalid: "member_not_found", example: "user_AbC123" },
  body: { schema: changeRoleBodySchema, errorFor: (issue) => (issue.path.length === 0 ? "invalid_body" : "invalid_member_fields") },
  success: { status: 200, data: memberSchema },
  errors: ["invalid_member_fields", "member_not_found", "last_owner"],
  authorize: ({ caller, id, body }) => authorizeRoleChange({ caller, userId: id, role: body!.role }),
  handle: ({ caller, id, body, requestId }) => changeMemberRole({ caller, userId: id, role: body!.role, requestId }),
});

export const removeMemberRoute = defineRoute({
  method: "DELETE",
  path: "/members/{id}",
  summary: "Remove a member, or leave the team; effective on their next request (session only)",
  bucket: "write",
  access: "member",
  id: { schema: userIdSchema, invalid: "member_not_found", example: "user_AbC123" },
  success: { status: 200, data: z.object({ message: z.literal("Member removed") }) },
  errors: ["member_not_found", "last_owner"],
  authorize: ({ caller, id }) => authorizeRemoval({ caller, userId: id }),
  handle: async ({ caller, id, requestId }) => {
    await removeMember({ caller, userId: id, requestId });
    return { message: "Member removed" as const };
  },
});

export const listInvitationsRoute = defineRoute({
  method: "GET",
  path: "/invitations",
  summary: "The team's invitations of the last 30 days (owners and admins, session only)",
  bucket: "read",
  access: "manage",
  success: { status: 200, data: listInvitationsResultSchema },
  errors: [],
  handle: async ({ caller }) => ({ invitations: await listInvitations(caller.teamId) }),
});

export const inviteMemberRoute = defineRoute({
  method: "POST",
  path: "/invitations",
  summary: "Invite someone by email; the one-time link is in this response only (owners and admins, session only)",
  bucket: "write",
  access: "manage",
  body: { schema: inviteBodySchema, errorFor: (issue) => (issue.path.length === 0 ? "invalid_body" : "invalid_invitation_fields") },
  success: { status: 201, data: createdInvitationSchema },
  errors: ["invalid_invitation_fields", "already_member"],
  authorize: ({ caller, body }) => authorizeInvitation({ caller, role: body!.role }),
  handle: ({ request, caller, body, requestId }) =>
    inviteMember({
      caller,
      email: body!.email,
      role: body!.role,
      origin: publicOrigin(request.headers) ?? new URL(request.url).origin,
      requestId,
    }),
});

export const revokeInvitationRoute = defineRoute({
  method: "DELETE",
  path: "/invitations/{id}",
  summary: "Revoke a pending invitation: its link grants nothing from now on (owners and admins, session only)",
  bucket: "write",
  access: "manage",
  id: { schema: invitationIdSchema, invalid: "invitation_not_found", example: "inv_AbC123" },
  success: { status: 200, data: z.object({ message: z.literal("Invitation revoked") }) },
  errors: ["invitation_not_found"],
  handle: async ({ caller, id, requestId }) => {
    await revokeInvitation({ caller, id, requestId });
    return { message: "Invitation revoked" as const };
  },
});
