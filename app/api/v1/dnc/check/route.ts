import { serveRoutes } from "@/lib/http/api-route";
import { checkEntryRoute } from "@/lib/routes/dnc";

// GET /api/v1/dnc/check?url= - is this URL on the team's list?
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(checkEntryRoute);
