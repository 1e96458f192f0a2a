import "server-only";
import type { Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import type { Member } from "./schemas";

/** The team's members, owners first, then by when they joined. */
export async function listMembers(options: { teamId: string; callerUserId?: string }): Promise<Member[]> {
  const db = await getDb();
  const rows = await db.membership.findMany({
    where: { teamId: options.teamId },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true, lastSignInAt: true } } },
  });
  const rank: Record<Role, number> = { owner: 0, admin: 1, viewer: 2 };
  return rows
    .map((row) => ({
      userId: row.user.id,
      email: row.user.email,
      name: row.user.name,
      role: row.role as Role,
      joinedAt: row.createdAt.toISOString(),
      lastSignInAt: row.user.lastSignInAt?.toISOString() ?? null,
      isYou: row.user.id === options.callerUserId,
    }))
    .sort((a, b) => rank[a.role] - rank[b.role]);
}
