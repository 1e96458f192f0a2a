import { checkEntry } from "@/lib/dnc/check-entry";
import { parseCheckQuery } from "@/lib/dnc/parse-requests";
import { apiRoute, ok } from "@/lib/http/api-route";

// GET /api/v1/dnc/check?url= - is this URL on the team's list?
export const GET = apiRoute({ bucket: "read", access: "read" }, async ({ request, caller }) => {
  const { url } = parseCheckQuery(request);
  return ok(await checkEntry({ teamId: caller.teamId, url }));
});
