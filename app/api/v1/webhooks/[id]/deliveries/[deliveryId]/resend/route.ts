import { serveRoutes } from "@/lib/http/api-route";
import { resendDeliveryRoute } from "@/lib/routes/webhooks";

// POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/resend - send a delivery again now
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(resendDeliveryRoute);
