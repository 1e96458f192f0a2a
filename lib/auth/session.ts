import "server-only";
import { decode } from "next-auth/jwt";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { sessionSecret } from "./secret";
import { isLive } from "./sessions";
import type { Role } from "./permissions";

/**
 * The session cookie's name, as next-auth v4 sets it: the `__Secure-` form when NEXTAUTH_URL is
 * https. Only that one name is read, so a cookie planted over plain http cannot stand in for it.
 */
export function sessionCookieName(): string {
  return env().NEXTAUTH_URL?.startsWith("https:") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

export type MembershipView = { teamId: string; slug: string; name: string; role: Role };
export type SessionUser = { id: string; email: string; name: string; memberships: MembershipView[]; sessionId: string };

/**
 * The signed-in user behind a session cookie, read from the database now (one query): the cookie's
 * server-side session must exist, belong to the user, be neither revoked nor expired; memberships
 * are never taken from the token, so removing a member takes effect on their next request.
 */
export async function readSessionUser(cookie: (name: string) => string | undefined): Promise<SessionUser | null> {
  const token = cookie(sessionCookieName());
  if (!token) return null;
  const payload = await decode({ token, secret: sessionSecret() }).catch(() => null);
  if (!payload?.sub || typeof payload.sid !== "string") return null;
  const db = await getDb();
  const session = await db.session.findUnique({
    where: { id: payload.sid },
    select: {
      userId: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: { id: true, email: true, name: true, memberships: { select: { role: true, team: true }, orderBy: { createdAt: "asc" } } },
      },
    },
  });
  if (!isLive(session, payload.sub)) return null;
  const { user } = session;
  const sessionId = payload.sid;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    sessionId,
    memberships: user.memberships.map((m) => ({ teamId: m.team.id, slug: m.team.slug, name: m.team.name, role: m.role as Role })),
  };
}

/** The membership for the selected team slug; the first membership when none is selected; null when the slug is not theirs. */
export function selectMembership(user: SessionUser, slug: string | undefined): MembershipView | null {
  if (!slug) return user.memberships[0] ?? null;
  return user.memberships.find((m) => m.slug === slug) ?? null;
}

export function parseCookieHeader(header: string | null): (name: string) => string | undefined {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    const name = part.slice(0, index).trim();
    if (!jar.has(name)) {
      try {
        jar.set(name, decodeURIComponent(part.slice(index + 1).trim()));
      } catch {
        jar.set(name, part.slice(index + 1).trim());
      }
    }
  }
  return (name) => jar.get(name);
}
