import "server-only";
import { isMissing, parseInput, searchParamsOf } from "@/lib/http/parse-input";
import { readJsonBody } from "@/lib/http/read-json-body";
import {
  addEntriesBodySchema,
  addEntryBodySchema,
  checkQuerySchema,
  deleteEntryBodySchema,
  listEntriesQuerySchema,
} from "./schemas";

/** Request → validated input for each DNC route, with the Kakiyo error code for each way it can be wrong. */

export function parseListQuery(request: Request) {
  return parseInput(listEntriesQuerySchema, searchParamsOf(request), (issue) =>
    issue.path[0] === "limit" || issue.path[0] === "offset" ? "invalid_pagination" : "invalid_query",
  );
}

export function parseCheckQuery(request: Request) {
  return parseInput(checkQuerySchema, searchParamsOf(request), (issue) =>
    isMissing(issue) || issue.code === "too_small" ? "missing_url" : "invalid_url",
  );
}

export async function parseAddEntryBody(request: Request) {
  return parseInput(addEntryBodySchema, await readJsonBody(request), (issue) => {
    if (issue.path.length === 0) return "invalid_body";
    if (issue.path[0] === "note") return "invalid_note";
    return isMissing(issue) ? "missing_url" : "invalid_url";
  });
}

export async function parseAddEntriesBody(request: Request) {
  return parseInput(addEntriesBodySchema, await readJsonBody(request), (issue) => {
    if (issue.path.length === 0) return "invalid_body";
    if (issue.path.length > 1) return "invalid_entries";
    if (isMissing(issue)) return "missing_entries";
    if (issue.code === "too_small") return "empty_entries";
    if (issue.code === "too_big") return "too_many_entries";
    return "invalid_entries";
  });
}

/** The reason may come as a JSON body `{reason}` or as the `reason` query parameter. */
export async function parseDeleteReason(request: Request): Promise<string | undefined> {
  const body = await readJsonBody(request, { optional: true });
  const input = body === undefined ? { reason: searchParamsOf(request).reason } : body;
  const { reason } = parseInput(deleteEntryBodySchema, input, (issue) =>
    issue.path.length === 0 ? "invalid_body" : "invalid_reason",
  );
  return reason?.trim() || undefined;
}
