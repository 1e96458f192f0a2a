/** How the dashboard names the team it works on; the server checks it against the user's memberships on every request. */
export const TEAM_HEADER = "x-dnc-team";
export const TEAM_COOKIE = "dnc-team";
