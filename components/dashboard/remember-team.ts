import { TEAM_COOKIE } from "@/lib/auth/team-selection";

/** The team switcher's choice, read by the server on every request (lib/auth/team-selection.ts). */
export function rememberTeam(slug: string) {
  document.cookie = `${TEAM_COOKIE}=${encodeURIComponent(slug)}; path=/; samesite=lax; max-age=31536000`;
}
