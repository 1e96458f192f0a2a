import "server-only";
import { cookies } from "next/headers";
import { readSessionUser, selectMembership, type SessionUser } from "./session";
import { TEAM_COOKIE } from "./team-selection";

/** For server components: the signed-in user and the team their team-switcher cookie selects (first team otherwise). */
export async function readDashboardSession(): Promise<{ user: SessionUser; slug: string | null } | null> {
  const jar = await cookies();
  const user = await readSessionUser((name) => jar.get(name)?.value);
  if (!user) return null;
  const membership = selectMembership(user, jar.get(TEAM_COOKIE)?.value) ?? user.memberships[0] ?? null;
  return { user, slug: membership?.slug ?? null };
}
