import { teamSettingsSchema } from "@/lib/teams/schemas";
import { defineContract } from "./define-contract";

/** The team's settings: every member and key reads them; owners and admins change them. */
export const teamContracts = {
  getTeamSettings: defineContract({
    method: "GET",
    path: "/team",
    summary: "Extension: the team's settings (the opt-out window)",
    bucket: "read",
    permission: "entries.read",
    success: { status: 200, data: teamSettingsSchema },
    errors: [],
  }),

  updateTeamSettings: defineContract({
    method: "PATCH",
    path: "/team",
    summary: "Extension: change the team's settings; audited as team.settings_changed",
    bucket: "write",
    permission: "team.manage",
    body: {
      schema: teamSettingsSchema,
      errorFor: (issue) => (issue.path.length === 0 && issue.code !== "invalid_type" ? "invalid_body" : "invalid_team_settings"),
    },
    success: { status: 200, data: teamSettingsSchema },
    errors: ["invalid_team_settings"],
  }),
};
