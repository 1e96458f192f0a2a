import "server-only";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { verdictResult, verifyTeamChain } from "@/lib/audit/verify-chain";
import { auditContracts } from "@/lib/contracts/audit";
import { defineRoute } from "@/lib/http/define-route";

/** The server side of the audit contracts (lib/contracts/audit.ts). */

export const listAuditEventsRoute = defineRoute(auditContracts.listAuditEvents, {
  handle: ({ caller, query }) => listAuditEvents({ teamId: caller.teamId, clientId: caller.clientId, ...query }),
});

export const verifyAuditChainRoute = defineRoute(auditContracts.verifyAuditChain, {
  handle: async ({ caller }) => verdictResult(await verifyTeamChain(caller.teamId)),
});
