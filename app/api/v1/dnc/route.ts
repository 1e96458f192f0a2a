import { serveRoutes } from "@/lib/http/api-route";
import { addEntryRoute, listEntriesRoute } from "@/lib/routes/dnc";

// GET /api/v1/dnc - list the team's entries; POST /api/v1/dnc - add one URL
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listEntriesRoute, addEntryRoute);
