import { serveRoutes } from "@/lib/http/api-route";
import { checkEntriesRoute } from "@/lib/routes/dnc";

// POST /api/v1/dnc/check/batch - check 1–1000 URLs at once; one result per input, in order
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(checkEntriesRoute);
