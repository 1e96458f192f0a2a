import { serveRoutes } from "@/lib/http/api-route";
import { listRemovedEntriesRoute } from "@/lib/routes/dnc";

// GET /api/v1/dnc/removed?q&limit&offset - entries removed within the restore window
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listRemovedEntriesRoute);
