import { serveRoutes } from "@/lib/http/api-route";
import { listDeliveriesRoute } from "@/lib/routes/webhooks";

// GET /api/v1/webhooks/{id}/deliveries - the endpoint's delivery log
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listDeliveriesRoute);
