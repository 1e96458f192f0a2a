import { serveRoutes } from "@/lib/http/api-route";
import { addAliasRoute } from "@/lib/routes/dnc";

// POST /api/v1/dnc/{id}/aliases - give an entry another identifier of the same person
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(addAliasRoute);
