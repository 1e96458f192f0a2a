import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { newUserId } from "@/lib/ids";

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** A password someone chose (held to the policy), or the hash of one published on purpose (the seed's demo password). */
type Credential = { password: string; passwordHash?: undefined } | { passwordHash: string; password?: undefined };

/**
 * Adds a person to a team.
 * 1. A new email becomes a user with the given password (strong, hashed with scrypt).
 * 2. An existing user keeps their password and gains the membership.
 * 3. A second membership in the same team is refused: roles change through removal and re-adding.
 */
export async function createUser(options: { email: string; name?: string; teamId: string; role: Role } & Credential) {
  const email = options.email.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new AppError("invalid_body", "email is not an email address");
  if (!ROLES.includes(options.role)) throw new AppError("invalid_body", "role must be owner, admin or viewer");
  const db = await getDb();
  const existing = await db.user.findUnique({ where: { email }, include: { memberships: true } });
  if (existing?.memberships.some((m) => m.teamId === options.teamId)) {
    throw new AppError("invalid_body", `${email} is already a member of this team`);
  }
  let passwordHash = options.passwordHash;
  if (!existing && options.password !== undefined) {
    const team = await db.team.findUniqueOrThrow({ where: { id: options.teamId }, select: { name: true } });
    await assertStrongPassword(options.password, { email, teamNames: [team.name] });
    passwordHash = await hashPassword(options.password);
  }
  const userId = existing?.id ?? newUserId();
  await writeTransaction((tx) => [
    ...(existing
      ? []
      : [tx.user.create({ data: { id: userId, email, name: options.name ?? email.split("@")[0]!, passwordHash: passwordHash! } })]),
    tx.membership.create({ data: { userId, teamId: options.teamId, role: options.role } }),
  ]);
  return { user: { id: userId, email }, created: !existing };
}
