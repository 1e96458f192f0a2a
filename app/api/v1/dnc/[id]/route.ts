import { serveRoutes } from "@/lib/http/api-route";
import { deleteEntryRoute, updateEntryRoute } from "@/lib/routes/dnc";

// DELETE /api/v1/dnc/{id} - remove one entry (optional reason in a JSON body or the query); PATCH - change its expiry or note
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(deleteEntryRoute, updateEntryRoute);
