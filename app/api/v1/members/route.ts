import { serveRoutes } from "@/lib/http/api-route";
import { listMembersRoute } from "@/lib/routes/members";

// GET /api/v1/members - the team's members and roles
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listMembersRoute);
