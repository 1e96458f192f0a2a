import "server-only";
import type { AuditEventInput } from "@/lib/audit/audit-event";
import { newAuditEventId } from "@/lib/ids";
import { connectDatabase, databaseProvider, type Db, Prisma } from "./index";

type Statement = Prisma.PrismaPromise<unknown>;

/**
 * The one way data changes: the statements `build` makes on the writer run as one batch
 * transaction, so they commit together or not at all. A batch, not an interactive transaction:
 * it is sent as a whole, never waits on application code while it holds the lock, and cannot be
 * left open by a request that fails half-way. A change and its audit row are always built into
 * the same batch (`auditedChange`, `auditRow`).
 */
export async function writeTransaction<Statements extends Statement[]>(build: (db: Db) => [...Statements]) {
  const { writer } = await connectDatabase();
  return writer.$transaction(build(writer));
}

const AUDIT_COLUMNS = Prisma.raw(`"id", "teamId", "action", "actor", "targetId", "url", "reason", "requestId", "createdAt"`);

function auditValues(event: AuditEventInput, at: Date) {
  return Prisma.sql`${newAuditEventId(at.getTime())}, ${event.teamId}, ${event.action}, ${event.actor}, ${event.targetId ?? null},
    ${event.url ?? null}, ${event.reason ?? null}, ${event.requestId ?? null}, ${at}`;
}

/**
 * Serialises changes to one team's members: a no-op update of the team row, which PostgreSQL keeps
 * locked until the transaction ends, so a check on the other members ("is there another owner?")
 * made by a later statement sees every concurrent change. SQLite has one writer at a time anyway.
 */
export function lockTeam(db: Db, teamId: string): Statement {
  return db.$executeRaw`UPDATE "Team" SET "slug" = "slug" WHERE "id" = ${teamId}`;
}

/** An audit row written unconditionally, beside the change it describes. */
export function auditRow(db: Db, event: AuditEventInput, at = new Date()): Statement {
  return db.$executeRaw`INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) VALUES (${auditValues(event, at)})`;
}

/**
 * One statement that changes at most one row, and its audit row if, and only if, it changed one:
 * a change that did not happen (a duplicate add, a delete that lost a race) leaves no record. The
 * first result is the number of rows changed.
 * - SQLite: the change, then `INSERT … WHERE changes() = 1` (the count of the statement just run on
 *   the same connection, inside the same transaction).
 * - PostgreSQL: one statement, the change as a CTE feeding the audit INSERT.
 */
export function auditedChange(db: Db, change: Prisma.Sql, event: AuditEventInput, at = new Date()): Statement[] {
  if (databaseProvider() === "postgresql") {
    return [
      db.$executeRaw`WITH changed AS (${change} RETURNING 1) INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) SELECT ${auditValues(event, at)} FROM changed`,
    ];
  }
  return [
    db.$executeRaw(change),
    db.$executeRaw`INSERT INTO "AuditEvent" (${AUDIT_COLUMNS}) SELECT ${auditValues(event, at)} WHERE changes() = 1`,
  ];
}

/** `auditedChange` run on its own: the number of rows the change changed (0 or 1). */
export async function changeWithAudit(change: Prisma.Sql, event: AuditEventInput, at = new Date()): Promise<number> {
  const [changed] = await writeTransaction((db) => auditedChange(db, change, event, at));
  return Number(changed);
}
