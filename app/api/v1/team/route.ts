import { serveRoutes } from "@/lib/http/api-route";
import { getTeamSettingsRoute, updateTeamSettingsRoute } from "@/lib/routes/team";

// GET /api/v1/team - the team's settings; PATCH - change them (owners and admins)
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(getTeamSettingsRoute, updateTeamSettingsRoute);
