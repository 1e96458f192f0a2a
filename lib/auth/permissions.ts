/**
 * Who may do what: every rule of roles and API-key scopes, in one place. Safe to import anywhere: the
 * API checks a route's permission with it before any work, the domain re-checks member changes with
 * it, and pages and components offer only what it allows (the server still decides every request).
 */

export const ROLES = ["owner", "admin", "viewer"] as const;
/** A member's role in a team. */
export type Role = (typeof ROLES)[number];
/** How pages name a role. */
export const ROLE_LABELS: Record<Role, string> = { owner: "Owner", admin: "Admin", viewer: "Viewer" };

export const KEY_SCOPES = ["read", "write"] as const;
/** What an API key may do: `read` keys check and list, `write` keys change the list too. */
export type KeyScope = (typeof KEY_SCOPES)[number];

/** Everything a route or a page can be refused for. */
export type Permission =
  /** List, check, export, history, the change feed, the removed entries and facets. */
  | "entries.read"
  /** Add, import and delete entries. */
  | "entries.write"
  /** Bring a removed entry back. */
  | "entries.restore"
  /** Read and verify the audit trail. */
  | "audit.read"
  /** Create, change, test and delete webhooks, and resend deliveries. */
  | "webhooks.manage"
  /** See the team's members and leave the team. */
  | "members.read"
  /** Invite people, change roles, remove others (within `mayManageMember`). */
  | "members.manage"
  /** Create and revoke API keys. */
  | "keys.manage"
  /** Create, rename and delete the team's agency clients (never a client-bound key). */
  | "clients.manage"
  /** Change the team's settings (the opt-out window). */
  | "team.manage"
  /**
   * Remove a protected entry (a complaint or a legal demand) or make it another category: owners,
   * in the dashboard, with a reason. Admins and API keys are refused (`protected_entry`).
   */
  | "entries.protected";

const READ: readonly Permission[] = ["entries.read", "audit.read"];
const WRITE: readonly Permission[] = [...READ, "entries.write", "entries.restore", "webhooks.manage", "clients.manage"];
const ADMINISTER: readonly Permission[] = [...WRITE, "members.read", "members.manage", "keys.manage", "team.manage"];

const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  owner: new Set([...ADMINISTER, "entries.protected"]),
  admin: new Set(ADMINISTER),
  viewer: new Set([...READ, "members.read"]),
};

/** Keys never administer the team: members and keys are managed by signed-in people only. */
const KEY_PERMISSIONS: Record<KeyScope, ReadonlySet<Permission>> = {
  read: new Set(READ),
  write: new Set(WRITE),
};

/**
 * A key bound to one agency client sees the global list and its client's only: it manages neither the
 * clients nor the webhooks (whose deliveries carry every list's changes).
 */
const CLIENT_KEY_REFUSED: ReadonlySet<Permission> = new Set(["clients.manage", "webhooks.manage"]);

/** Who is asking: a signed-in member, an API key (perhaps bound to a client), or the system itself (seed, CLI), which may do anything. */
export type Principal = { via: "session"; role?: Role } | { via: "api_key"; keyScope?: KeyScope; clientId?: string } | { via: "system" };

export function can(principal: Principal, permission: Permission): boolean {
  switch (principal.via) {
    case "system":
      return true;
    case "session":
      return principal.role !== undefined && ROLE_PERMISSIONS[principal.role].has(permission);
    case "api_key":
      if (principal.clientId !== undefined && CLIENT_KEY_REFUSED.has(permission)) return false;
      return principal.keyScope !== undefined && KEY_PERMISSIONS[principal.keyScope].has(permission);
  }
}

/** What a member of this role may do, for pages and components. */
export function roleCan(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** A permission no API key holds: its routes are documented and served for sessions only. */
export function isSessionOnly(permission: Permission): boolean {
  return !KEY_SCOPES.some((scope) => KEY_PERMISSIONS[scope].has(permission));
}

/**
 * Who may change whom. Owners may do everything; admins manage admins and viewers (and invite
 * them) but never touch an owner or make one; viewers manage nobody. Keeping at least one owner is
 * checked in the database, because it depends on the other members.
 */
export function mayManageMember(actor: Role, target: Role, newRole?: Role): boolean {
  if (!roleCan(actor, "members.manage")) return false;
  if (actor === "owner") return true;
  return target !== "owner" && newRole !== "owner";
}

/** The roles a member may give (invite as, or change another to). */
export function assignableRoles(actor: Role): Role[] {
  return ROLES.filter((role) => mayManageMember(actor, role, role));
}

/** Anyone may leave; removing someone else needs a role that may manage theirs. */
export function mayRemoveMember(actor: Role, target: Role, options: { isSelf: boolean }): boolean {
  return options.isSelf || mayManageMember(actor, target);
}
