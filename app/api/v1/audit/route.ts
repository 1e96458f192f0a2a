import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditQuerySchema } from "@/lib/audit/schemas";
import { apiRoute, methodNotAllowed, ok } from "@/lib/http/api-route";
import { parseInput, searchParamsOf } from "@/lib/http/parse-input";

// GET /api/v1/audit?limit&offset&action - the team's audit trail, newest first
export const GET = apiRoute({ bucket: "read", access: "read" }, async ({ request, caller }) => {
  const query = parseInput(listAuditQuerySchema, searchParamsOf(request), (issue) =>
    issue.path[0] === "action" ? "invalid_query" : "invalid_pagination",
  );
  return ok(await listAuditEvents({ teamId: caller.teamId, ...query }));
});

export const POST = methodNotAllowed("GET");
export const PUT = methodNotAllowed("GET");
export const PATCH = methodNotAllowed("GET");
export const DELETE = methodNotAllowed("GET");
