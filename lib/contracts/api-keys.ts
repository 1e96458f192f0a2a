import { z } from "zod";
import { apiKeyIdSchema, createApiKeyBodySchema, createdApiKeySchema, listApiKeysResultSchema } from "@/lib/api-keys/schemas";
import { defineContract } from "./define-contract";

/** API-key management: signed-in owners and admins only (`manage`), never an API key. */
export const apiKeyContracts = {
  listApiKeys: defineContract({
    method: "GET",
    path: "/api-keys",
    summary: "The team's API keys (owners and admins, session only)",
    bucket: "read",
    permission: "keys.manage",
    success: { status: 200, data: listApiKeysResultSchema },
    errors: [],
  }),

  createApiKey: defineContract({
    method: "POST",
    path: "/api-keys",
    summary:
      "Create an API key, team-wide or (extension) bound to one agency client; the secret is in this response only (owners and admins, session only)",
    bucket: "write",
    permission: "keys.manage",
    body: {
      schema: createApiKeyBodySchema,
      errorFor: (issue) =>
        issue.path.length === 0 ? "invalid_body" : issue.path[0] === "clientId" ? "invalid_client" : "invalid_api_key_fields",
    },
    success: { status: 201, data: createdApiKeySchema },
    errors: ["invalid_api_key_fields", "invalid_client", "client_not_found"],
  }),

  revokeApiKey: defineContract({
    method: "DELETE",
    path: "/api-keys/{id}",
    summary: "Revoke an API key, refused from its next request on, on every instance (owners and admins, session only)",
    bucket: "write",
    permission: "keys.manage",
    id: { schema: apiKeyIdSchema, invalid: "not_found", example: "key_AbC123" },
    success: { status: 200, data: z.object({ message: z.literal("API key revoked") }) },
    errors: ["not_found"],
  }),
};
