import { serveRoutes } from "@/lib/http/api-route";
import { addEntriesRoute } from "@/lib/routes/dnc";

// POST /api/v1/dnc/batch - add 1–1000 URLs; one detail row per input
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(addEntriesRoute);
