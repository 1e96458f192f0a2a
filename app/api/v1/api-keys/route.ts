import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { createApiKeyBodySchema } from "@/lib/api-keys/schemas";
import { apiRoute, methodNotAllowed, ok } from "@/lib/http/api-route";
import { parseInput } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";

// GET /api/v1/api-keys - the team's keys (dashboard session, owner or admin)
export const GET = apiRoute({ bucket: "read", access: "manage" }, async ({ caller }) => {
  return ok({ keys: await listApiKeys(caller.teamId) });
});

// POST /api/v1/api-keys - create a key; the secret is in this response and nowhere else
export const POST = apiRoute({ bucket: "write", access: "manage" }, async ({ request, caller }) => {
  const body = parseInput(createApiKeyBodySchema, await readJsonBody(request), (issue) =>
    issue.path.length === 0 ? "invalid_body" : "invalid_api_key_fields",
  );
  const created = await createApiKey({ teamId: caller.teamId, ...body, actor: caller.actor });
  return ok(created, { status: 201 });
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
