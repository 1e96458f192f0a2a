import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";

/** Requests and answers of /api/v1/members and /api/v1/invitations; the dashboard infers its types from them. */

/** The shortest password accepted for a new account or a changed one (lib/auth/password-policy.ts enforces it). */
export const MIN_NEW_PASSWORD_LENGTH = 12;

export const roleSchema = z.enum(ROLES);

export const memberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  joinedAt: z.iso.datetime(),
  lastSignInAt: z.iso.datetime().nullable(),
  isYou: z.boolean().describe("The member is the caller"),
});
export type Member = z.output<typeof memberSchema>;

export const listMembersResultSchema = z.object({ members: z.array(memberSchema) });
export type ListMembersResult = z.output<typeof listMembersResultSchema>;

export const changeRoleBodySchema = z.object({ role: roleSchema });

export const invitationStatusSchema = z.enum(["pending", "accepted", "revoked", "expired"]);

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: roleSchema,
  invitedBy: z.string(),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  status: invitationStatusSchema,
});
export type Invitation = z.output<typeof invitationSchema>;

export const listInvitationsResultSchema = z.object({ invitations: z.array(invitationSchema) });
export type ListInvitationsResult = z.output<typeof listInvitationsResultSchema>;

export const inviteBodySchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()).describe("Who is invited"),
  role: roleSchema,
});

export const createdInvitationSchema = z.object({
  invitation: invitationSchema,
  url: z.string().describe("The one-time link: in this response only (its token is stored hashed)"),
  emailed: z.boolean().describe("Whether it was also sent by e-mail (SMTP_URL set)"),
});
export type CreatedInvitation = z.output<typeof createdInvitationSchema>;

export const acceptInvitationBodySchema = z.object({
  token: z.string().min(1).max(200),
  name: z.string().trim().min(1).max(100).optional(),
  password: z.string().max(1000).optional(),
});

export const acceptedInvitationSchema = z.object({ team: z.object({ slug: z.string(), name: z.string() }), email: z.string() });
export type AcceptedInvitation = z.output<typeof acceptedInvitationSchema>;

export const changePasswordBodySchema = z.object({ currentPassword: z.string().max(1000), newPassword: z.string().max(1000) });
