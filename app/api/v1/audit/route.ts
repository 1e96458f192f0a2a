import { serveRoutes } from "@/lib/http/api-route";
import { listAuditEventsRoute } from "@/lib/routes/audit";

// GET /api/v1/audit?limit&offset&action - the team's audit trail, newest first
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listAuditEventsRoute);
