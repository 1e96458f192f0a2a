import { serveRoutes } from "@/lib/http/api-route";
import { revokeInvitationRoute } from "@/lib/routes/members";

// DELETE /api/v1/invitations/{id} - revoke a pending invitation
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(revokeInvitationRoute);
