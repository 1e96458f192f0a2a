import { z } from "zod";

/** The shortest password the server accepts for a new account or a changed password. */
export const MIN_NEW_PASSWORD_LENGTH = 12;

export const memberRoleSchema = z.enum(["owner", "admin", "viewer"]);
export type MemberRole = z.output<typeof memberRoleSchema>;

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: memberRoleSchema,
  joinedAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
  isYou: z.boolean().describe("The member is the signed-in caller"),
});
export type Member = z.output<typeof memberSchema>;

export const listMembersResultSchema = z.object({ members: z.array(memberSchema) });
export type ListMembersResult = z.output<typeof listMembersResultSchema>;

export const updateMemberBodySchema = z.object({ role: memberRoleSchema });

export const removeMemberResultSchema = z.object({ message: z.string() });

export const invitationStatusSchema = z.enum(["pending", "accepted", "revoked", "expired"]);

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: invitationStatusSchema,
});
export type Invitation = z.output<typeof invitationSchema>;

export const listInvitationsResultSchema = z.object({ invitations: z.array(invitationSchema) });
export type ListInvitationsResult = z.output<typeof listInvitationsResultSchema>;

export const createInvitationBodySchema = z.object({ email: z.email(), role: memberRoleSchema });

export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  url: z.url().describe("The invitation link: shown in this response only"),
  emailed: z.boolean().describe("Whether the link was also sent to the invited address"),
});
export type CreatedInvitation = z.output<typeof createdInvitationSchema>;

export const acceptInvitationBodySchema = z.union([
  z.object({ token: z.string(), name: z.string().trim().min(1), password: z.string().min(MIN_NEW_PASSWORD_LENGTH) }),
  z.object({ token: z.string() }),
]);

export const acceptedInvitationSchema = z.object({
  team: z.object({ slug: z.string(), name: z.string() }),
  email: z.string(),
});
export type AcceptedInvitation = z.output<typeof acceptedInvitationSchema>;

export const changePasswordBodySchema = z.object({
  currentPassword: z.string(),
  newPassword: z.string().min(MIN_NEW_PASSWORD_LENGTH),
});

export const changePasswordResultSchema = z.object({ message: z.string() });
