import "server-only";
import type { Caller } from "@/lib/auth/caller";
import type { Role } from "@/lib/auth/permissions";
import { Prisma } from "@/lib/db";
import { auditChain } from "@/lib/audit/chain-head";
import { auditedWrite } from "@/lib/db/audited-write";
import { lockTeam } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { listMembers } from "./list-members";
import { authorizeRoleChange, findMember, type TargetMember } from "./authorize-member-change";

/** A guard that lets a statement touch an owner's membership only while the team has another owner. */
export function anotherOwnerRemains(teamId: string) {
  return Prisma.sql`("role" <> 'owner' OR (SELECT COUNT(*) FROM "Membership" WHERE "teamId" = ${teamId} AND "role" = 'owner') > 1)`;
}

/** The member's current role in the team; `member_not_found` when they are not in it. */
export async function memberRole(teamId: string, userId: string): Promise<TargetMember> {
  const member = await findMember(teamId, userId);
  if (!member) throw new AppError("member_not_found");
  return member;
}

/**
 * Changes a member's role.
 * 1. The caller's role must allow it (admins never touch owners or make one).
 * 2. One transaction, the team locked: the change, refused when it would leave the team without an
 *    owner (409 `last_owner`), and its `member.role_changed` audit row.
 */
export async function changeMemberRole(options: { caller: Caller; userId: string; role: Role; requestId: string }) {
  const { teamId, actor } = options.caller;
  const current = await authorizeRoleChange(options);
  if (!current) throw new AppError("member_not_found");
  if (current.role !== options.role) {
    const guard = options.role === "owner" ? Prisma.sql`1 = 1` : anotherOwnerRemains(teamId);
    const { changed } = await auditedWrite(auditChain, {
      teamId,
      before: (db) => [lockTeam(db, teamId)],
      change: Prisma.sql`UPDATE "Membership" SET "role" = ${options.role} WHERE "userId" = ${options.userId} AND "teamId" = ${teamId} AND ${guard}`,
      events: [
        {
          teamId,
          action: "member.role_changed",
          actor,
          targetId: options.userId,
          reason: `${current.email}: ${current.role} → ${options.role}`,
          requestId: options.requestId,
        },
      ],
    });
    if (changed === 0) {
      await memberRole(teamId, options.userId);
      throw new AppError("last_owner");
    }
  }
  const member = (await listMembers({ teamId, callerUserId: options.caller.userId })).find((m) => m.userId === options.userId);
  if (!member) throw new AppError("member_not_found");
  return member;
}
