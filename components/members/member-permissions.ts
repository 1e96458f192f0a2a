import type { Member, MemberRole } from "@/lib/members/schemas";

/**
 * What the members page offers to whom. The server decides every change; these rules only keep the
 * page from offering what it would refuse (and the 409 for a last owner still comes from the server).
 */
export const canManageMembers = (role: MemberRole) => role === "owner" || role === "admin";

/** The roles a person may give: an admin cannot make owners. */
export function assignableRoles(actor: MemberRole): MemberRole[] {
  if (actor === "owner") return ["owner", "admin", "viewer"];
  if (actor === "admin") return ["admin", "viewer"];
  return [];
}

/** Owners change anyone; admins change admins and viewers, themselves included; viewers nobody. */
export function canChangeMember(actor: MemberRole, target: Pick<Member, "role">): boolean {
  if (actor === "owner") return true;
  return actor === "admin" && target.role !== "owner";
}

/** Removal follows the same rules, except that the last owner is never offered for removal. */
export function canRemoveMember(actor: MemberRole, target: Pick<Member, "role">, ownerCount: number): boolean {
  if (target.role === "owner" && ownerCount <= 1) return false;
  return canChangeMember(actor, target);
}
