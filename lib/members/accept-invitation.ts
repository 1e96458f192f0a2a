import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import type { SessionUser } from "@/lib/auth/session";
import { auditChain } from "@/lib/audit/chain-head";
import { getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";
import { newUserId } from "@/lib/ids";
import { hashInvitationToken } from "./invitation-token";
import { invitationStatus } from "./list-invitations";
import type { AcceptedInvitation } from "./schemas";

const NOT_PENDING: Record<string, string> = {
  accepted: "This invitation link has already been used",
  revoked: "This invitation was revoked",
  expired: "This invitation has expired: ask for a new one",
};

/**
 * Turns a pending invitation into a membership, once.
 * 1. The link must be pending (else 404 `invitation_invalid`, saying why).
 * 2. Signed in as the invited email: that account joins. Signed in as someone else: 403
 *    `wrong_account`. Not signed in while the email has an account: 409 `sign_in_required`.
 *    No account yet: `name` and a strong `password` make one (if another invitation made it
 *    meanwhile, the same password joins with it, another gets 409 `sign_in_required`).
 * 3. One transaction: the invitation is marked accepted only if still pending (two clicks on the
 *    link cannot both join), and only then are the account (if new), the membership and the
 *    `member.joined` audit row written — each row reads the acceptance back, so nothing is written
 *    for a link another request used first.
 */
type NewUser = { name: string; passwordHash: string };
type PendingInvitation = { id: string; teamId: string; email: string; role: string; invitedBy: string };

/**
 * Accepts one invitation for `userId` (and creates that account when `newUser` is given), as one
 * audited write: the invitation marked accepted only if still pending, with its `member.joined`
 * audit row; then the account and the membership, each written only if this very acceptance
 * happened (they read it back by its timestamp). Returns the number of invitations accepted (0 or 1).
 */
export async function acceptPendingInvitation(options: {
  invitation: PendingInvitation;
  userId: string;
  newUser: NewUser | null;
  now: Date;
}) {
  const { invitation, userId, newUser, now } = options;
  const acceptedNow = Prisma.sql`FROM "Invitation" WHERE "id" = ${invitation.id} AND "acceptedAt" = ${now}`;
  const { changed } = await auditedWrite(auditChain, {
    teamId: invitation.teamId,
    at: now,
    change: Prisma.sql`UPDATE "Invitation" SET "acceptedAt" = ${now}
      WHERE "id" = ${invitation.id} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > ${now}`,
    events: [
      {
        teamId: invitation.teamId,
        action: "member.joined",
        actor: invitation.email,
        targetId: userId,
        reason: `as ${invitation.role}, invited by ${invitation.invitedBy}`,
      },
    ],
    after: (tx) => [
      ...(newUser
        ? [
            tx.$executeRaw`INSERT INTO "User" ("id", "email", "name", "passwordHash", "createdAt")
              SELECT ${userId}, ${invitation.email}, ${newUser.name}, ${newUser.passwordHash}, ${now} ${acceptedNow}`,
          ]
        : []),
      tx.$executeRaw`INSERT INTO "Membership" ("userId", "teamId", "role", "createdAt")
        SELECT ${userId}, ${invitation.teamId}, "role", ${now} ${acceptedNow}
        ON CONFLICT ("userId", "teamId") DO NOTHING`,
    ],
  });
  return changed;
}

export async function acceptInvitation(options: {
  token: string;
  name?: string;
  password?: string;
  sessionUser: SessionUser | null;
}): Promise<AcceptedInvitation> {
  const db = await getDb();
  const invitation = await db.invitation.findUnique({ where: { tokenHash: hashInvitationToken(options.token) }, include: { team: true } });
  if (!invitation) throw new AppError("invitation_invalid");
  const status = invitationStatus(invitation);
  if (status !== "pending") throw new AppError("invitation_invalid", NOT_PENDING[status]);

  const existing = await db.user.findUnique({ where: { email: invitation.email }, select: { id: true } });
  if (options.sessionUser && options.sessionUser.email !== invitation.email) throw new AppError("wrong_account");
  if (!options.sessionUser && existing) throw new AppError("sign_in_required");
  let newUser: NewUser | null = null;
  if (!existing) {
    if (!options.name) throw new AppError("invalid_body", "name is required to create your account");
    await assertStrongPassword(options.password ?? "", { email: invitation.email, teamNames: [invitation.team.name] });
    newUser = { name: options.name, passwordHash: await hashPassword(options.password!) };
  }
  const accept = (userId: string, account: NewUser | null) =>
    acceptPendingInvitation({ invitation, userId, newUser: account, now: new Date() });

  let accepted: number;
  try {
    accepted = await accept(existing?.id ?? newUserId(), newUser);
  } catch (error) {
    // Two teams' invitations to one new email, accepted at the same moment: both found no account and
    // the other made it first (its e-mail is unique). With the same password this person joins
    // with that account, as if signed in; with another they are asked to sign in.
    const madeMeanwhile = newUser ? await db.user.findUnique({ where: { email: invitation.email } }) : null;
    if (!madeMeanwhile) throw error;
    if (!(await verifyPassword(options.password!, madeMeanwhile.passwordHash))) throw new AppError("sign_in_required");
    accepted = await accept(madeMeanwhile.id, null);
  }
  if (accepted === 0) throw new AppError("invitation_invalid", NOT_PENDING.accepted);
  return { team: { slug: invitation.team.slug, name: invitation.team.name }, email: invitation.email };
}
