import { serveRoutes } from "@/lib/http/api-route";
import { restoreEntryRoute } from "@/lib/routes/dnc";

// POST /api/v1/dnc/{id}/restore - bring a removed entry back as it was (optional reason)
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(restoreEntryRoute);
