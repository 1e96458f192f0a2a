import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { Prisma } from "@/lib/db";
import { auditChain } from "@/lib/audit/chain-head";
import { auditedWrite } from "@/lib/db/audited-write";
import { lockTeam } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { anotherOwnerRemains, memberRole } from "./change-member-role";
import { authorizeRemoval } from "./authorize-member-change";

/**
 * Removes a member (or lets a member leave). It takes effect on their next request, even with a
 * session still open: roles are read from the database on every request.
 * 1. The caller's role must allow it (`authorizeRemoval`); anyone may remove themselves.
 * 2. One transaction, the team locked: the removal, refused when it would leave the team without an
 *    owner (409 `last_owner`), and its `member.removed` audit row; when it was their last team, their
 *    sessions end too, so their cookie is nothing anywhere (next-auth's /api/auth/session included).
 */
export async function removeMember(options: { caller: Caller; userId: string; requestId: string }) {
  const { teamId, actor } = options.caller;
  const target = await authorizeRemoval(options);
  if (!target) throw new AppError("member_not_found");
  const { changed } = await auditedWrite(auditChain, {
    teamId,
    before: (db) => [lockTeam(db, teamId)],
    change: Prisma.sql`DELETE FROM "Membership" WHERE "userId" = ${options.userId} AND "teamId" = ${teamId} AND ${anotherOwnerRemains(teamId)}`,
    events: [
      {
        teamId,
        action: "member.removed",
        actor,
        targetId: options.userId,
        reason: `${target.email} (${target.role})`,
        requestId: options.requestId,
      },
    ],
    after: (db) => [
      db.$executeRaw`UPDATE "Session" SET "revokedAt" = ${new Date()}
        WHERE "userId" = ${options.userId} AND "revokedAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "Membership" WHERE "userId" = ${options.userId})`,
    ],
  });
  if (changed === 0) {
    await memberRole(teamId, options.userId);
    throw new AppError("last_owner");
  }
}
