import "server-only";
import { type Db, type DbTransaction, databaseProvider, Prisma } from "@/lib/db";
import { sqliteWriter } from "@/lib/db/sqlite-writer";
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
 * Runs one statement that changes at most one row and records the audit event if, and only if,
 * it changed one, atomically; returns the number of rows changed. A change that did not happen
 * leaves no record, and one that did cannot commit without its record.
 * - SQLite: one driver transaction (lib/db/sqlite-writer.ts): the change, then the audit row if it changed a row.
 * - PostgreSQL: one statement, the change as a CTE feeding the audit INSERT.
 */
export async function changeWithAudit(db: Db, change: Prisma.Sql, event: AuditEventInput, now = new Date()): Promise<number> {
  const row = auditEventRow(event, now);
  const columns = Prisma.raw(`"id", "teamId", "action", "actor", "targetId", "url", "reason", "requestId", "createdAt"`);
  const values = Prisma.sql`${row.id}, ${row.teamId}, ${row.action}, ${row.actor}, ${row.targetId ?? null},
    ${row.url ?? null}, ${row.reason ?? null}, ${row.requestId ?? null}, ${now}`;
  if (databaseProvider() === "postgresql") {
    return db.$executeRaw`WITH changed AS (${change} RETURNING 1) INSERT INTO "AuditEvent" (${columns}) SELECT ${values} FROM changed`;
  }
  return sqliteWriter().transaction((statement) => {
    const changed = statement.run(change);
    if (changed === 1) statement.run(Prisma.sql`INSERT INTO "AuditEvent" (${columns}) VALUES (${values})`);
    return changed;
  });
}
