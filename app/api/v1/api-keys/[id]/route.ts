import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { apiKeyIdSchema } from "@/lib/api-keys/schemas";
import { ApiError } from "@/lib/errors";
import { apiRoute, methodNotAllowed, ok } from "@/lib/http/api-route";

// DELETE /api/v1/api-keys/{id} - revoke one of the team's keys (dashboard session, owner or admin)
export const DELETE = apiRoute<{ id: string }>({ bucket: "write", access: "manage" }, async ({ caller, params }) => {
  if (!apiKeyIdSchema.safeParse(params.id).success) throw new ApiError("not_found", "No active API key with this id in the team");
  await revokeApiKey({ teamId: caller.teamId, keyId: params.id, actor: caller.actor });
  return ok({ message: "API key revoked" });
});

export const GET = methodNotAllowed("DELETE");
export const POST = methodNotAllowed("DELETE");
export const PUT = methodNotAllowed("DELETE");
export const PATCH = methodNotAllowed("DELETE");
