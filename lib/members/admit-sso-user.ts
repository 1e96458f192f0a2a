import "server-only";
import { getDb } from "@/lib/db";
import { newUserId } from "@/lib/ids";
import { acceptPendingInvitation } from "./accept-invitation";

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
  // One audited write per invitation (each team's trail is its own); the account is made with the
  // first that is accepted. An empty password hash matches no password: it signs in through SSO only.
  let accountMade = user !== null;
  for (const invitation of pending) {
    const newUser = accountMade ? null : { name: options.name, passwordHash: "" };
    if ((await acceptPendingInvitation({ invitation, userId, newUser, now })) > 0) accountMade = true;
  }
  return accountMade ? userId : null;
}
