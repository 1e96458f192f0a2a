import { serveRoutes } from "@/lib/http/api-route";
import { createWebhookRoute, listWebhooksRoute } from "@/lib/routes/webhooks";

// GET /api/v1/webhooks - the team's endpoints; POST - register one, its signing secret shown in this response only
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listWebhooksRoute, createWebhookRoute);
