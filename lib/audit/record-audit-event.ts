import "server-only";
import type { DbTransaction } from "@/lib/db";
import { newAuditEventId } from "@/lib/ids";

export type AuditAction = "dnc.added" | "dnc.batch_added" | "dnc.deleted" | "apikey.created" | "apikey.revoked";

export type AuditEventInput = {
  teamId: string;
  action: AuditAction;
  actor: string;
  targetId?: string;
  url?: string;
  reason?: string;
  requestId?: string;
};

/** Always called with the transaction that makes the change it describes: both commit or neither does. */
export function auditEventRow(event: AuditEventInput, now = new Date()) {
  return { id: newAuditEventId(now.getTime()), createdAt: now, ...event };
}

export async function recordAuditEvent(tx: DbTransaction, event: AuditEventInput) {
  await tx.auditEvent.create({ data: auditEventRow(event) });
}
