import "server-only";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { listAuditQuerySchema, listAuditResultSchema } from "@/lib/audit/schemas";
import { defineRoute } from "@/lib/http/define-route";

export const listAuditEventsRoute = defineRoute({
  method: "GET",
  path: "/audit",
  summary: "The team's audit trail, newest first",
  bucket: "read",
  access: "read",
  query: { schema: listAuditQuerySchema, errorFor: (issue) => (issue.path[0] === "action" ? "invalid_query" : "invalid_pagination") },
  success: { status: 200, data: listAuditResultSchema },
  errors: ["invalid_pagination", "invalid_query"],
  handle: ({ caller, query }) => listAuditEvents({ teamId: caller.teamId, ...query }),
});
