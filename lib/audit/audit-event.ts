export type AuditAction = "dnc.added" | "dnc.batch_added" | "dnc.deleted" | "apikey.created" | "apikey.revoked";

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
