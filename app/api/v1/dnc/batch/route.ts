import { addEntries } from "@/lib/dnc/add-entries";
import { parseAddEntriesBody } from "@/lib/dnc/parse-requests";
import { apiRoute, methodNotAllowed, ok } from "@/lib/http/api-route";

// POST /api/v1/dnc/batch - add 1–1000 URLs; one detail row per input
export const POST = apiRoute({ bucket: "batch", access: "write" }, async ({ request, caller, requestId }) => {
  const { entries } = await parseAddEntriesBody(request);
  const result = await addEntries({ caller, urls: entries.map((entry) => entry.url), source: "batch", requestId });
  return ok(result, { status: 201 });
});

export const GET = methodNotAllowed("POST");
export const PUT = methodNotAllowed("POST");
export const PATCH = methodNotAllowed("POST");
export const DELETE = methodNotAllowed("POST");
