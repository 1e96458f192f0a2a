import "server-only";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiKeyContracts } from "@/lib/contracts/api-keys";
import { defineRoute } from "@/lib/http/define-route";

/** The server side of the API-key contracts (lib/contracts/api-keys.ts). */

export const listApiKeysRoute = defineRoute(apiKeyContracts.listApiKeys, {
  handle: async ({ caller }) => ({ keys: await listApiKeys(caller.teamId) }),
});

export const createApiKeyRoute = defineRoute(apiKeyContracts.createApiKey, {
  handle: ({ caller, body }) =>
    createApiKey({ teamId: caller.teamId, name: body.name, scope: body.scope, clientId: body.clientId ?? undefined, actor: caller.actor }),
});

export const revokeApiKeyRoute = defineRoute(apiKeyContracts.revokeApiKey, {
  handle: async ({ caller, id }) => {
    await revokeApiKey({ teamId: caller.teamId, keyId: id, actor: caller.actor });
    return { message: "API key revoked" as const };
  },
});
