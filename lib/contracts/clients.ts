import {
  clientIdSchema,
  clientSchema,
  createClientBodySchema,
  deleteClientQuerySchema,
  deleteClientResultSchema,
  listClientsResultSchema,
  updateClientBodySchema,
} from "@/lib/clients/schemas";
import { defineContract } from "./define-contract";

const clientId = { schema: clientIdSchema, invalid: "client_not_found", example: "cli_AbC123" } as const;
const nameError = (issue: { path: PropertyKey[] }) => (issue.path.length === 0 ? "invalid_body" : "invalid_client_fields");

/**
 * Extension: an agency's clients (Kakiyo's client scoping). Everyone who reads the list sees them
 * (a client-bound key: its own only); owners, admins and team-wide write keys manage them.
 */
export const clientContracts = {
  listClients: defineContract({
    method: "GET",
    path: "/clients",
    summary: "Extension: the team's agency clients, with how many entries each has (a client-bound key sees its own)",
    bucket: "read",
    permission: "entries.read",
    success: { status: 200, data: listClientsResultSchema },
    errors: [],
  }),

  createClient: defineContract({
    method: "POST",
    path: "/clients",
    summary: "Extension: add an agency client; audited as client.created (not for a client-bound key)",
    bucket: "write",
    permission: "clients.manage",
    body: { schema: createClientBodySchema, errorFor: nameError },
    success: { status: 201, data: clientSchema },
    errors: ["invalid_client_fields", "client_exists"],
  }),

  updateClient: defineContract({
    method: "PATCH",
    path: "/clients/{id}",
    summary: "Extension: rename an agency client; audited as client.renamed (not for a client-bound key)",
    bucket: "write",
    permission: "clients.manage",
    id: clientId,
    body: { schema: updateClientBodySchema, errorFor: nameError },
    success: { status: 200, data: clientSchema },
    errors: ["client_not_found", "invalid_client_fields", "client_exists"],
  }),

  deleteClient: defineContract({
    method: "DELETE",
    path: "/clients/{id}",
    summary:
      "Extension: delete an agency client; refused while it has entries unless moveEntriesTo says where they go, or while unrevoked API keys are bound to it. Its entries, their aliases and its removed entries move to moveEntriesTo in the same transaction (removed entries to the global list without it, so a restore lands there); audited as client.deleted plus a dnc.updated per moved entry",
    bucket: "write",
    permission: "clients.manage",
    id: clientId,
    query: { schema: deleteClientQuerySchema, errorFor: () => "invalid_client" },
    success: { status: 200, data: deleteClientResultSchema },
    errors: ["client_not_found", "invalid_client", "client_has_entries", "client_has_keys", "dnc_exists"],
  }),
};
