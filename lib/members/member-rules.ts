import type { Role } from "@/lib/auth/team-selection";

/**
 * Who may change whom. Owners may do everything; admins may manage viewers and admins (and invite
 * them) but never touch an owner or make one; viewers manage nobody. Keeping at least one owner is
 * checked separately, in the database, because it depends on the other members.
 */
export function mayManage(actor: Role, target: Role, newRole?: Role): boolean {
  if (actor === "owner") return true;
  if (actor !== "admin") return false;
  return target !== "owner" && newRole !== "owner";
}
