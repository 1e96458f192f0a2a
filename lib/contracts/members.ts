import { z } from "zod";
import {
  changeRoleBodySchema,
  createdInvitationSchema,
  inviteBodySchema,
  listInvitationsResultSchema,
  listMembersResultSchema,
  memberSchema,
} from "@/lib/members/schemas";
import { defineContract } from "./define-contract";

/** A team administers itself: members and invitations, for signed-in people only (API keys get 403). */

const userId = { schema: z.string().regex(/^user_[A-Za-z0-9]{1,64}$/), invalid: "member_not_found", example: "user_AbC123" } as const;

export const memberContracts = {
  listMembers: defineContract({
    method: "GET",
    path: "/members",
    summary: "The team's members with their roles (any signed-in member, session only)",
    bucket: "read",
    permission: "members.read",
    success: { status: 200, data: listMembersResultSchema },
    errors: [],
  }),

  changeMemberRole: defineContract({
    method: "PATCH",
    path: "/members/{id}",
    summary: "Change a member's role; the team always keeps an owner (owners and admins, session only)",
    bucket: "write",
    permission: "members.manage",
    id: userId,
    body: { schema: changeRoleBodySchema, errorFor: (issue) => (issue.path.length === 0 ? "invalid_body" : "invalid_member_fields") },
    success: { status: 200, data: memberSchema },
    errors: ["invalid_member_fields", "member_not_found", "last_owner"],
  }),

  removeMember: defineContract({
    method: "DELETE",
    path: "/members/{id}",
    summary: "Remove a member, or leave the team; effective on their next request (session only)",
    bucket: "write",
    permission: "members.read",
    id: userId,
    success: { status: 200, data: z.object({ message: z.literal("Member removed") }) },
    errors: ["member_not_found", "last_owner"],
  }),

  listInvitations: defineContract({
    method: "GET",
    path: "/invitations",
    summary: "The team's invitations of the last 30 days (owners and admins, session only)",
    bucket: "read",
    permission: "members.manage",
    success: { status: 200, data: listInvitationsResultSchema },
    errors: [],
  }),

  inviteMember: defineContract({
    method: "POST",
    path: "/invitations",
    summary: "Invite someone by email; the one-time link is in this response only (owners and admins, session only)",
    bucket: "write",
    permission: "members.manage",
    body: { schema: inviteBodySchema, errorFor: (issue) => (issue.path.length === 0 ? "invalid_body" : "invalid_invitation_fields") },
    success: { status: 201, data: createdInvitationSchema },
    errors: ["invalid_invitation_fields", "already_member"],
  }),

  revokeInvitation: defineContract({
    method: "DELETE",
    path: "/invitations/{id}",
    summary: "Revoke a pending invitation: its link grants nothing from now on (owners and admins, session only)",
    bucket: "write",
    permission: "members.manage",
    id: { schema: z.string().regex(/^inv_[A-Za-z0-9]{1,64}$/), invalid: "invitation_not_found", example: "inv_AbC123" },
    success: { status: 200, data: z.object({ message: z.literal("Invitation revoked") }) },
    errors: ["invitation_not_found"],
  }),
};
