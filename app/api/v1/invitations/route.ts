import { serveRoutes } from "@/lib/http/api-route";
import { inviteMemberRoute, listInvitationsRoute } from "@/lib/routes/members";

// GET /api/v1/invitations - the team's invitations; POST - invite someone by email
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listInvitationsRoute, inviteMemberRoute);
