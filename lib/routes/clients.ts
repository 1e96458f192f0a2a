import "server-only";
import { createClient } from "@/lib/clients/create-client";
import { deleteClient } from "@/lib/clients/delete-client";
import { listClients } from "@/lib/clients/list-clients";
import { renameClient } from "@/lib/clients/rename-client";
import { clientContracts } from "@/lib/contracts/clients";
import { defineRoute } from "@/lib/http/define-route";

/** The server side of the client contracts (lib/contracts/clients.ts). */

export const listClientsRoute = defineRoute(clientContracts.listClients, {
  handle: ({ caller }) => listClients(caller),
});

export const createClientRoute = defineRoute(clientContracts.createClient, {
  handle: ({ caller, body, requestId }) => createClient({ caller, name: body.name, requestId }),
});

export const updateClientRoute = defineRoute(clientContracts.updateClient, {
  handle: ({ caller, id, body, requestId }) => renameClient({ caller, id, name: body.name, requestId }),
});

export const deleteClientRoute = defineRoute(clientContracts.deleteClient, {
  handle: ({ caller, id, query, requestId }) => deleteClient({ caller, id, moveEntriesTo: query.moveEntriesTo, requestId }),
});
