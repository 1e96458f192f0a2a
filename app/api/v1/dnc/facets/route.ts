import { serveRoutes } from "@/lib/http/api-route";
import { entryFacetsRoute } from "@/lib/routes/dnc";

// GET /api/v1/dnc/facets - the sources and authors the list's filters offer, with counts
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(entryFacetsRoute);
