import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";

/** How long a sign-in lasts; the cookie and the server-side row end together. */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;

/** A new server-side session for a user who just proved who they are; its id goes into the (encrypted) session cookie. */
export async function createSession(userId: string): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const now = new Date();
  await writeTransaction((db) => [
    // Rows that ended more than a day ago are no longer needed to refuse their cookies (the cookie has expired too).
    db.session.deleteMany({ where: { userId, expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60_000) } } }),
    db.session.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } }),
    db.user.update({ where: { id: userId }, data: { lastSignInAt: now } }),
  ]);
  return id;
}

/** Ends every session of the user (but `keep`, the one making the request, when given), on every instance. */
export async function revokeUserSessions(userId: string, options: { keep?: string } = {}) {
  await writeTransaction((db) => [
    db.session.updateMany({
      where: { userId, revokedAt: null, ...(options.keep ? { id: { not: options.keep } } : {}) },
      data: { revokedAt: new Date() },
    }),
  ]);
}

/** Sign-out: the cookie's session ends now, on every instance (they all read the same row). */
export async function revokeSession(id: string) {
  await writeTransaction((db) => [db.session.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } })]);
}

type SessionRow = { userId: string; expiresAt: Date; revokedAt: Date | null };

/** A session row that still stands for `userId`: theirs, not revoked, not expired. */
export function isLive(session: SessionRow | null, userId: unknown): session is SessionRow {
  return session !== null && session.userId === userId && session.revokedAt === null && session.expiresAt.getTime() > Date.now();
}

/** Whether a session cookie's server-side session (its `sid`, for user `sub`) still stands. */
export async function isSessionActive(sid: unknown, userId: unknown): Promise<boolean> {
  if (typeof sid !== "string") return false;
  const db = await getDb();
  return isLive(await db.session.findUnique({ where: { id: sid }, select: { userId: true, expiresAt: true, revokedAt: true } }), userId);
}
