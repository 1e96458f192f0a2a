import "server-only";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { newUserId } from "@/lib/ids";
import { acceptanceStatements } from "./accept-invitation";

/**
 * Whom single sign-on lets in: a verified email that already belongs to a member, or that has a
 * pending invitation — no self-service joining. Pending invitations are accepted on the way in
 * (an account without a password is made when there is none). Returns the user id, or null to refuse.
 */
export async function admitSsoUser(options: { email: string; name: string }): Promise<string | null> {
  const db = await getDb();
  const user = await db.user.findUnique({
    where: { email: options.email },
    select: { id: true, _count: { select: { memberships: true } } },
  });
  const now = new Date();
  const pending = await db.invitation.findMany({
    where: { email: options.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
  });
  if (pending.length === 0) return user && user._count.memberships > 0 ? user.id : null;

  const userId = user?.id ?? newUserId();
  await writeTransaction((tx) =>
    pending.flatMap((invitation, index) =>
      // An empty password hash matches no password: such an account signs in through SSO only.
      acceptanceStatements(tx, {
        invitation,
        userId,
        newUser: !user && index === 0 ? { name: options.name, passwordHash: "" } : null,
        now,
      }),
    ),
  );
  return userId;
}
