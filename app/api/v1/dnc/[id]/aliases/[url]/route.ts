import { serveRoutes } from "@/lib/http/api-route";
import { removeAliasRoute } from "@/lib/routes/dnc";

// DELETE /api/v1/dnc/{id}/aliases/{url} - take an alias (percent-encoded, any accepted spelling) off an entry
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(removeAliasRoute);
