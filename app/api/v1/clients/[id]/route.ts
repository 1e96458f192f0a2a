import { serveRoutes } from "@/lib/http/api-route";
import { deleteClientRoute, updateClientRoute } from "@/lib/routes/clients";

// PATCH /api/v1/clients/{id} - rename a client; DELETE - delete it, its entries moved where moveEntriesTo says
export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(updateClientRoute, deleteClientRoute);
