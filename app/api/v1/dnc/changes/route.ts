import { serveRoutes } from "@/lib/http/api-route";
import { listChangesRoute } from "@/lib/routes/dnc";

// GET /api/v1/dnc/changes?cursor&limit - the list's changes in commit order, for mirrors
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listChangesRoute);
