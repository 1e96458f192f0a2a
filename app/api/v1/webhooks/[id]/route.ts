import { serveRoutes } from "@/lib/http/api-route";
import { deleteWebhookRoute, updateWebhookRoute } from "@/lib/routes/webhooks";

// PATCH /api/v1/webhooks/{id} - change, disable or re-enable an endpoint; DELETE - delete it
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(updateWebhookRoute, deleteWebhookRoute);
