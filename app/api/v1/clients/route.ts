import { serveRoutes } from "@/lib/http/api-route";
import { createClientRoute, listClientsRoute } from "@/lib/routes/clients";

// GET /api/v1/clients - the team's agency clients with their entry counts; POST - add one
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listClientsRoute, createClientRoute);
