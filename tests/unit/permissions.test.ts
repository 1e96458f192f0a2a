import { describe, expect, it } from "vitest";
import { assignableRoles, can, isSessionOnly, mayManageMember, mayRemoveMember, type Permission, roleCan } from "@/lib/auth/permissions";

/** The whole table, written out: a grant that changes must change here too. */
const EXPECTED: Record<Permission, { owner: boolean; admin: boolean; viewer: boolean; readKey: boolean; writeKey: boolean }> = {
  "entries.read": { owner: true, admin: true, viewer: true, readKey: true, writeKey: true },
  "audit.read": { owner: true, admin: true, viewer: true, readKey: true, writeKey: true },
  "entries.write": { owner: true, admin: true, viewer: false, readKey: false, writeKey: true },
  "entries.restore": { owner: true, admin: true, viewer: false, readKey: false, writeKey: true },
  "webhooks.manage": { owner: true, admin: true, viewer: false, readKey: false, writeKey: true },
  "members.read": { owner: true, admin: true, viewer: true, readKey: false, writeKey: false },
  "members.manage": { owner: true, admin: true, viewer: false, readKey: false, writeKey: false },
  "keys.manage": { owner: true, admin: true, viewer: false, readKey: false, writeKey: false },
  "team.manage": { owner: true, admin: true, viewer: false, readKey: false, writeKey: false },
  "clients.manage": { owner: true, admin: true, viewer: false, readKey: false, writeKey: true },
  "entries.protected": { owner: true, admin: false, viewer: false, readKey: false, writeKey: false },
};

describe("permissions", () => {
  it.each(Object.entries(EXPECTED))("%s", (permission, expected) => {
    const p = permission as Permission;
    expect(roleCan("owner", p)).toBe(expected.owner);
    expect(roleCan("admin", p)).toBe(expected.admin);
    expect(roleCan("viewer", p)).toBe(expected.viewer);
    expect(can({ via: "session", role: "viewer" }, p)).toBe(expected.viewer);
    expect(can({ via: "api_key", keyScope: "read" }, p)).toBe(expected.readKey);
    expect(can({ via: "api_key", keyScope: "write" }, p)).toBe(expected.writeKey);
    expect(can({ via: "system" }, p)).toBe(true);
    expect(isSessionOnly(p)).toBe(!expected.readKey && !expected.writeKey);
  });

  it("a key bound to a client keeps its scope's grants but manages neither clients nor webhooks", () => {
    const bound = { via: "api_key", keyScope: "write", clientId: "cli_acme" } as const;
    for (const [permission, expected] of Object.entries(EXPECTED))
      expect(can(bound, permission as Permission), permission).toBe(
        expected.writeKey && !["clients.manage", "webhooks.manage"].includes(permission),
      );
  });

  it("grants nothing to a session without a role or a key without a scope", () => {
    expect(can({ via: "session" }, "entries.read")).toBe(false);
    expect(can({ via: "api_key" }, "entries.read")).toBe(false);
  });

  it("offers the owner role to owners only", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "viewer"]);
    expect(assignableRoles("admin")).toEqual(["admin", "viewer"]);
    expect(assignableRoles("viewer")).toEqual([]);
  });

  it.each([
    ["owner", "owner", undefined, true],
    ["owner", "viewer", "owner", true],
    ["admin", "owner", undefined, false],
    ["admin", "admin", "viewer", true],
    ["admin", "viewer", "owner", false],
    ["admin", "viewer", undefined, true],
    ["viewer", "viewer", undefined, false],
  ] as const)("%s managing a %s (to %s): %s", (actor, target, newRole, allowed) => {
    expect(mayManageMember(actor, target, newRole)).toBe(allowed);
  });

  it("lets anyone leave, and removes others by the management rules", () => {
    expect(mayRemoveMember("viewer", "viewer", { isSelf: true })).toBe(true);
    expect(mayRemoveMember("viewer", "viewer", { isSelf: false })).toBe(false);
    expect(mayRemoveMember("admin", "owner", { isSelf: false })).toBe(false);
    expect(mayRemoveMember("admin", "viewer", { isSelf: false })).toBe(true);
    expect(mayRemoveMember("owner", "owner", { isSelf: false })).toBe(true);
  });
});
