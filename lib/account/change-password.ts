import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import type { SessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";

/**
 * Changes the signed-in user's password.
 * 1. The current password must be right (400 `wrong_password`) and the new one strong (`weak_password`).
 * 2. One transaction: the new hash, and every other session of the user ended — whoever knew the
 *    old password is signed out everywhere but here.
 */
export async function changePassword(options: { user: SessionUser; currentPassword: string; newPassword: string }) {
  const db = await getDb();
  const account = await db.user.findUniqueOrThrow({ where: { id: options.user.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(options.currentPassword, account.passwordHash))) throw new AppError("wrong_password");
  await assertStrongPassword(options.newPassword, { email: options.user.email, teamNames: options.user.memberships.map((m) => m.name) });
  const passwordHash = await hashPassword(options.newPassword);
  const now = new Date();
  await writeTransaction((tx) => [
    tx.user.update({ where: { id: options.user.id }, data: { passwordHash } }),
    tx.session.updateMany({
      where: { userId: options.user.id, revokedAt: null, id: { not: options.user.sessionId } },
      data: { revokedAt: now },
    }),
  ]);
}
