import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { mayManageMember, mayRemoveMember, type Role } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";

export type TargetMember = { role: Role; email: string };

/**
 * The 403 rules of member changes. The routes run them before the rate limit (a viewer's refused
 * requests must not spend the team's write budget) and the domain functions run them again on the
 * member they change, so both answer from the same code. Each returns the target member, or null
 * when there is none (the domain function then answers 404, after the budget).
 */

/** Anyone may leave; removing someone else needs a role that may manage theirs (viewers: only themselves). */
export function authorizeRemoval(options: { caller: Caller; userId: string }): Promise<TargetMember | null> {
  const { caller, userId } = options;
  const isSelf = userId === caller.userId;
  return authorizeOn(
    caller,
    userId,
    (target) => mayRemoveMember(caller.role!, target, { isSelf }),
    "Your role does not allow removing this member",
  );
}

/** Admins never change an owner or make one; viewers change nobody. */
export function authorizeRoleChange(options: { caller: Caller; userId: string; role: Role }): Promise<TargetMember | null> {
  const { caller, userId, role } = options;
  return authorizeOn(caller, userId, (target) => mayManageMember(caller.role!, target, role), "Your role does not allow this change");
}

/** Admins may invite admins and viewers, not owners. */
export async function authorizeInvitation(options: { caller: Caller; role: Role }): Promise<void> {
  if (!mayManageMember(options.caller.role!, options.role, options.role))
    throw new AppError("forbidden", "Admins may invite admins and viewers, not owners");
}

/** The member's current role in the team, or null when they are not in it. */
export async function findMember(teamId: string, userId: string): Promise<TargetMember | null> {
  const db = await getDb();
  const membership = await db.membership.findUnique({
    where: { userId_teamId: { userId, teamId } },
    select: { role: true, user: { select: { email: true } } },
  });
  return membership && { role: membership.role as Role, email: membership.user.email };
}

async function authorizeOn(
  caller: Caller,
  userId: string,
  allows: (target: Role) => boolean,
  refusal: string,
): Promise<TargetMember | null> {
  // When not even a viewer may be touched (a viewer acting on others, an admin making an owner),
  // no member could pass: refused without a database read.
  if (!allows("viewer")) throw new AppError("forbidden", refusal);
  const target = await findMember(caller.teamId, userId);
  if (target && !allows(target.role)) throw new AppError("forbidden", refusal);
  return target;
}
