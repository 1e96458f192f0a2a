import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { auditChain } from "@/lib/audit/chain-head";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";
import { newInvitationId } from "@/lib/ids";
import { sendInvitationEmail } from "@/lib/mail/send-invitation-email";
import { authorizeInvitation } from "./authorize-member-change";
import { INVITATION_TTL_MS, newInvitationToken } from "./invitation-token";
import { serializeInvitation } from "./list-invitations";
import type { CreatedInvitation } from "./schemas";

/**
 * Invites a person by email.
 * 1. The caller's role must allow the role offered (admins never invite owners); a current member
 *    cannot be invited again (409 `already_member`).
 * 2. One transaction: earlier pending invitations of the same email to this team are revoked (a new
 *    link replaces them), the invitation is stored with only its token's hash, and the
 *    `member.invited` audit row is written.
 * 3. With SMTP_URL set the link is also e-mailed; either way it is returned once.
 */
export async function inviteMember(options: {
  caller: Caller;
  email: string;
  role: Role;
  origin: string;
  requestId: string;
}): Promise<CreatedInvitation> {
  const { teamId, actor } = options.caller;
  await authorizeInvitation(options);
  const db = await getDb();
  const member = await db.membership.findFirst({ where: { teamId, user: { email: options.email } }, select: { userId: true } });
  if (member) throw new AppError("already_member");

  const { token, tokenHash } = newInvitationToken();
  const now = new Date();
  const id = newInvitationId();
  const {
    before: [, created],
  } = await auditedWrite(auditChain, {
    teamId,
    at: now,
    before: (tx) => [
      tx.invitation.updateMany({ where: { teamId, email: options.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } }),
      tx.invitation.create({
        data: {
          id,
          teamId,
          email: options.email,
          role: options.role,
          tokenHash,
          invitedBy: actor,
          createdAt: now,
          expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
        },
      }),
    ],
    events: [
      {
        teamId,
        action: "member.invited",
        actor,
        targetId: id,
        reason: `${options.email} as ${options.role}`,
        requestId: options.requestId,
      },
    ],
  });
  const url = `${options.origin}/invite/${token}`;
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, select: { name: true } });
  const emailed = await sendInvitationEmail({ to: options.email, teamName: team.name, role: options.role, invitedBy: actor, url });
  return { invitation: serializeInvitation(created), url, emailed };
}
