import { serveRoutes } from "@/lib/http/api-route";
import { verifyApiKeyRoute } from "@/lib/routes/dnc";

// GET /api/v1/verify (and /v1/verify) - Kakiyo's credential test for an API key
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(verifyApiKeyRoute);
