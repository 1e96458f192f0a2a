import { chainVerdictSchema, listAuditQuerySchema, listAuditResultSchema } from "@/lib/audit/schemas";
import { defineContract } from "./define-contract";

export const auditContracts = {
  listAuditEvents: defineContract({
    method: "GET",
    path: "/audit",
    summary: "The team's audit trail, newest first; with url, one profile's history",
    bucket: "read",
    permission: "audit.read",
    query: {
      schema: listAuditQuerySchema,
      errorFor: (issue) => {
        if (issue.path[0] === "url") return "invalid_url";
        return issue.path[0] === "limit" || issue.path[0] === "offset" ? "invalid_pagination" : "invalid_query";
      },
    },
    success: { status: 200, data: listAuditResultSchema },
    errors: ["invalid_pagination", "invalid_query", "invalid_url"],
  }),

  verifyAuditChain: defineContract({
    method: "GET",
    path: "/audit/verify",
    summary: "Check the team's audit trail against its hash chain: OK with the number of events, or the first event where it breaks",
    bucket: "read",
    permission: "audit.read",
    success: { status: 200, data: chainVerdictSchema },
    errors: [],
  }),
};
