import { checkEntry } from "@/lib/dnc/check-entry";
import { parseCheckQuery } from "@/lib/dnc/parse-requests";
import { apiRoute, methodNotAllowed, ok } from "@/lib/http/api-route";

// GET /api/v1/dnc/check?url= - is this URL on the team's list?
export const GET = apiRoute({ bucket: "read", access: "read" }, async ({ request, caller }) => {
  const { url } = parseCheckQuery(request);
  return ok(await checkEntry({ teamId: caller.teamId, url }));
});

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
