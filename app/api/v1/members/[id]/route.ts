import { serveRoutes } from "@/lib/http/api-route";
import { changeMemberRoleRoute, removeMemberRoute } from "@/lib/routes/members";

// PATCH /api/v1/members/{id} - change a member's role; DELETE - remove a member or leave
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(changeMemberRoleRoute, removeMemberRoute);
