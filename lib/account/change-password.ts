import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { attemptPassword } from "@/lib/auth/password-attempt";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import type { SessionUser } from "@/lib/auth/session";
import { writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";

/**
 * Changes the signed-in user's password.
 * 1. The current password is a password attempt like a sign-in, from the same budget (the account's,
 *    or this browser's device cookie's): past it, 429 `too_many_attempts` with `retryAfter` seconds,
 *    so a stolen session is no way to guess the password. Wrong: 400 `wrong_password`; right: the
 *    budget starts afresh.
 * 2. The new one must be strong (`weak_password`).
 * 3. One transaction: the new hash, and every other session of the user ended — whoever knew the
 *    old password is signed out everywhere but here.
 */
export async function changePassword(options: {
  user: SessionUser;
  currentPassword: string;
  newPassword: string;
  address: string | null;
  deviceCookie: string | undefined;
}) {
  const { user } = options;
  const attempt = await attemptPassword({
    email: user.email,
    password: options.currentPassword,
    address: options.address,
    deviceCookie: options.deviceCookie,
  });
  if (attempt.outcome === "throttled") {
    const retryAfter = Math.ceil(attempt.retryAfterMs / 1000);
    const minutes = Math.ceil(retryAfter / 60);
    throw new AppError("too_many_attempts", `Too many password attempts: try again in ${minutes} minute${minutes === 1 ? "" : "s"}`, {
      retryAfter,
    });
  }
  if (attempt.outcome === "wrong") throw new AppError("wrong_password");
  await assertStrongPassword(options.newPassword, { email: user.email, teamNames: user.memberships.map((m) => m.name) });
  const passwordHash = await hashPassword(options.newPassword);
  const now = new Date();
  await writeTransaction((tx) => [
    tx.user.update({ where: { id: user.id }, data: { passwordHash } }),
    tx.session.updateMany({
      where: { userId: user.id, revokedAt: null, id: { not: user.sessionId } },
      data: { revokedAt: now },
    }),
  ]);
}
