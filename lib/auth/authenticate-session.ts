import "server-only";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/client-address";
import type { Caller } from "./caller";
import { parseCookieHeader, readSessionUser, selectMembership } from "./session";
import { TEAM_COOKIE, TEAM_HEADER } from "./team-selection";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Resolves a dashboard request (session cookie, no API key) to a Caller.
 * 1. The session cookie names the user; user and memberships are read from the database.
 * 2. The team is the one the request names (header, else cookie), checked against the memberships.
 * 3. A state-changing request must come from this origin with a JSON body: a cross-site form or
 *    fetch carries the cookie but cannot set both, so forged writes are refused before any work.
 * Returns null when there is no valid session, so the caller can answer 401.
 */
export async function authenticateSession(request: Request): Promise<Caller | null> {
  const cookie = parseCookieHeader(request.headers.get("cookie"));
  const user = await readSessionUser(cookie);
  if (!user) return null;

  const slug = request.headers.get(TEAM_HEADER) ?? cookie(TEAM_COOKIE);
  const membership = selectMembership(user, slug || undefined);
  if (!membership) throw new AppError("forbidden", "You are not a member of this team");

  assertNotCrossSite(request);

  return {
    teamId: membership.teamId,
    actor: user.email,
    via: "session",
    role: membership.role,
    userId: user.id,
  };
}

/**
 * A state-changing request that a browser sends with the session cookie must come from this origin
 * with a JSON body: a cross-site form or fetch carries the cookie but cannot set both.
 */
export function assertNotCrossSite(request: Request) {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOrigin(request)) throw new AppError("forbidden", "Cross-site request refused");
  if (!JSON_CONTENT_TYPE.test(request.headers.get("content-type") ?? "")) throw new AppError("unsupported_media_type");
}

/**
 * The Origin header must be the dashboard's own origin, scheme, host and port alike (NEXTAUTH_URL's
 * when configured); a missing or `null` Origin is refused too.
 */
function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  const expected = publicOrigin(request.headers);
  if (!origin || origin === "null" || expected === null) return false;
  try {
    return new URL(origin).origin === expected;
  } catch {
    return false;
  }
}
