import type { AuditAction } from "./schemas";

export type { AuditAction };

/** An event for the team's audit trail, written by lib/db/write.ts in the same transaction as the change it describes. */
export type AuditEventInput = {
  teamId: string;
  action: AuditAction;
  actor: string;
  targetId?: string;
  url?: string;
  reason?: string;
  requestId?: string;
};
