/** How the dashboard names the team it works on; the server checks it against the user's memberships on every request. */
export const TEAM_HEADER = "x-dnc-team";
export const TEAM_COOKIE = "dnc-team";

export type Role = "owner" | "admin" | "viewer";

export const canWrite = (role: Role) => role !== "viewer";
export const canManageKeys = (role: Role) => role === "owner" || role === "admin";
