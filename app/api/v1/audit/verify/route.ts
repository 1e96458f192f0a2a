import { serveRoutes } from "@/lib/http/api-route";
import { verifyAuditChainRoute } from "@/lib/routes/audit";

// GET /api/v1/audit/verify - check the team's audit trail against its hash chain
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(verifyAuditChainRoute);
