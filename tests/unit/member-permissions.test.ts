import { describe, expect, it } from "vitest";
import { assignableRoles, canChangeMember, canManageMembers, canRemoveMember } from "@/components/members/member-permissions";

describe("member permissions", () => {
  it("lets owners and admins manage, viewers only read", () => {
    expect(canManageMembers("owner")).toBe(true);
    expect(canManageMembers("admin")).toBe(true);
    expect(canManageMembers("viewer")).toBe(false);
  });

  it("offers the owner role to owners only", () => {
    expect(assignableRoles("owner")).toEqual(["owner", "admin", "viewer"]);
    expect(assignableRoles("admin")).toEqual(["admin", "viewer"]);
    expect(assignableRoles("viewer")).toEqual([]);
  });

  it.each([
    ["owner", "owner", true],
    ["owner", "viewer", true],
    ["admin", "owner", false],
    ["admin", "admin", true],
    ["admin", "viewer", true],
    ["viewer", "viewer", false],
  ] as const)("%s changing a %s: %s", (actor, target, allowed) => {
    expect(canChangeMember(actor, { role: target })).toBe(allowed);
  });

  it("never offers to remove the last owner, even to an owner", () => {
    expect(canRemoveMember("owner", { role: "owner" }, 1)).toBe(false);
    expect(canRemoveMember("owner", { role: "owner" }, 2)).toBe(true);
    expect(canRemoveMember("admin", { role: "owner" }, 2)).toBe(false);
    expect(canRemoveMember("admin", { role: "viewer" }, 1)).toBe(true);
    expect(canRemoveMember("viewer", { role: "viewer" }, 1)).toBe(false);
  });
});
