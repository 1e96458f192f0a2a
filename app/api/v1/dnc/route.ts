import { addEntry } from "@/lib/dnc/add-entry";
import { listEntries } from "@/lib/dnc/list-entries";
import { parseAddEntryBody, parseListQuery } from "@/lib/dnc/parse-requests";
import { apiRoute, methodNotAllowed, ok } from "@/lib/http/api-route";

// GET /api/v1/dnc?limit&offset - list the team's entries, newest first
export const GET = apiRoute({ bucket: "read", access: "read" }, async ({ request, caller }) => {
  const query = parseListQuery(request);
  return ok(await listEntries({ teamId: caller.teamId, ...query }));
});

// POST /api/v1/dnc - add one URL
export const POST = apiRoute({ bucket: "write", access: "write" }, async ({ request, caller, requestId }) => {
  const { url, note } = await parseAddEntryBody(request);
  const entry = await addEntry({ caller, url, note, source: "api", requestId });
  return ok(entry, { status: 201, message: "Added to Do Not Contact list" });
});

export const PUT = methodNotAllowed("GET", "POST");
export const PATCH = methodNotAllowed("GET", "POST");
export const DELETE = methodNotAllowed("GET", "POST");
