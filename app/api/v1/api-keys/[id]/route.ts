import { serveRoutes } from "@/lib/http/api-route";
import { revokeApiKeyRoute } from "@/lib/routes/api-keys";

// DELETE /api/v1/api-keys/{id} - revoke one of the team's keys
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(revokeApiKeyRoute);
