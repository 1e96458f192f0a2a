import { serveRoutes } from "@/lib/http/api-route";
import { createApiKeyRoute, listApiKeysRoute } from "@/lib/routes/api-keys";

// GET /api/v1/api-keys - the team's keys; POST - create one, its secret shown in this response only
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listApiKeysRoute, createApiKeyRoute);
