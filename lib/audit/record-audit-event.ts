import "server-only";
import { type Db, type DbTransaction, sqlTime } from "@/lib/db";
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

/** Always written with the transaction that makes the change it describes: both commit or neither does. */
export function auditEventRow(event: AuditEventInput, now = new Date()) {
  return { id: newAuditEventId(now.getTime()), createdAt: now, ...event };
}

export async function recordAuditEvent(tx: DbTransaction, event: AuditEventInput) {
  await tx.auditEvent.create({ data: auditEventRow(event) });
}

/**
 * For a batch transaction: inserts the audit row only if the statement just before it changed a
 * row (SQLite's changes()), so a change that did not happen leaves no record, and one that did
 * cannot commit without its record.
 */
export function recordAuditEventIfChanged(db: Db, event: AuditEventInput, now = new Date()) {
  const row = auditEventRow(event, now);
  return db.$executeRaw`
    INSERT INTO AuditEvent (id, teamId, action, actor, targetId, url, reason, requestId, createdAt)
    SELECT ${row.id}, ${row.teamId}, ${row.action}, ${row.actor}, ${row.targetId ?? null}, ${row.url ?? null},
           ${row.reason ?? null}, ${row.requestId ?? null}, ${sqlTime(now)}
    WHERE changes() = 1`;
}
