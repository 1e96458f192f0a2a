import "server-only";
import { teamContracts } from "@/lib/contracts/team";
import { defineRoute } from "@/lib/http/define-route";
import { readTeamSettings, updateTeamSettings } from "@/lib/teams/team-settings";

/** The server side of the team contracts (lib/contracts/team.ts). */

export const getTeamSettingsRoute = defineRoute(teamContracts.getTeamSettings, {
  handle: ({ caller }) => readTeamSettings(caller.teamId),
});

export const updateTeamSettingsRoute = defineRoute(teamContracts.updateTeamSettings, {
  handle: ({ caller, body, requestId }) => updateTeamSettings({ caller, settings: body, requestId }),
});
