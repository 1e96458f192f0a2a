import "server-only";
import { type AuditEvent, type Db, type DncEntry, Prisma, type RemovedEntry } from "./index";

/**
 * The statements the query builder cannot express, kept beside the schema: their column lists are
 * read from the generated client's field lists, so a column added to a model is a column here.
 */

type Statement = Prisma.PrismaPromise<number>;

const quoted = (columns: readonly string[]) => Prisma.raw(columns.map((column) => `"${column}"`).join(", "));

const AUDIT_COLUMNS = Object.values(Prisma.AuditEventScalarFieldEnum);

/**
 * The values of one audit row, in `AUDIT_COLUMNS` order; `action` replaced by `SQL` (a strict row's
 * action is null, which the NOT NULL column refuses, when its change did not happen).
 */
function auditValues(row: AuditEvent, action: Prisma.Sql = Prisma.sql`${row.action}`): Prisma.Sql {
  return Prisma.join(AUDIT_COLUMNS.map((column) => (column === "action" ? action : Prisma.sql`${row[column]}`)));
}

/**
 * One statement that changes at most one row, and the audit row describing it. The first
 * statement's result is the number of rows changed, on both engines:
 * - SQLite: the change, then the audit INSERT reading `changes()` (the count of the statement just
 *   run on the same connection, inside the same transaction).
 * - PostgreSQL: one statement, the change as a CTE feeding the audit INSERT, whose count is the
 *   change's.
 * Tolerant (`strict: false`): the audit row is written if, and only if, the change happened.
 * Strict: a change that did not happen fails the statement, and with it the whole transaction (for
 * writes committed together, where a missing row would leave a gap in the chain).
 */
export function changeAndAuditRow(
  db: Db,
  provider: "sqlite" | "postgresql",
  change: Prisma.Sql,
  row: AuditEvent,
  strict: boolean,
): Statement[] {
  const columns = quoted(AUDIT_COLUMNS);
  if (provider === "postgresql") {
    return strict
      ? [
          db.$executeRaw`WITH changed AS (${change} RETURNING 1) INSERT INTO "AuditEvent" (${columns})
            SELECT ${auditValues(row, Prisma.sql`CASE WHEN (SELECT COUNT(*) FROM changed) = 1 THEN CAST(${row.action} AS TEXT) END`)}`,
        ]
      : [
          db.$executeRaw`WITH changed AS (${change} RETURNING 1) INSERT INTO "AuditEvent" (${columns}) SELECT ${auditValues(row)} FROM changed`,
        ];
  }
  return [
    db.$executeRaw(change),
    strict
      ? db.$executeRaw`INSERT INTO "AuditEvent" (${columns}) SELECT ${auditValues(row, Prisma.sql`CASE WHEN changes() = 1 THEN ${row.action} END`)}`
      : db.$executeRaw`INSERT INTO "AuditEvent" (${columns}) SELECT ${auditValues(row)} WHERE changes() = 1`,
  ];
}

const ENTRY_FIELDS = Object.values(Prisma.DncEntryScalarFieldEnum);

/** Every column of an entry, for raw SELECTs on the hot paths (rows come back as `DncEntry`). */
export const ENTRY_COLUMNS = quoted(ENTRY_FIELDS);

/** Inserts the entry unless its id or its URL is on the team's list already (then it changes nothing). */
export function insertEntryUnlessListed(entry: DncEntry): Prisma.Sql {
  return Prisma.sql`INSERT INTO "DncEntry" (${ENTRY_COLUMNS}) VALUES (${Prisma.join(ENTRY_FIELDS.map((column) => entry[column]))}) ON CONFLICT DO NOTHING`;
}

/** The columns an entry keeps when it is removed, and those the removal adds (who, when, why, which event). */
const CARRIED_COLUMNS = Object.values(Prisma.RemovedEntryScalarFieldEnum).filter((column) => column in Prisma.DncEntryScalarFieldEnum);
type Removal = Omit<RemovedEntry, (typeof CARRIED_COLUMNS)[number]>;
const REMOVAL_COLUMNS = Object.values(Prisma.RemovedEntryScalarFieldEnum).filter(
  (column): column is keyof Removal => !(CARRIED_COLUMNS as string[]).includes(column),
);

/** Copies the team's entry as it is now to RemovedEntry, with the removal's details; nothing if it is not there (or was copied already). */
export function copyEntryToRemoved(db: Db, entry: { id: string; teamId: string }, removal: Removal): Statement {
  return db.$executeRaw`
    INSERT INTO "RemovedEntry" (${quoted([...CARRIED_COLUMNS, ...REMOVAL_COLUMNS])})
    SELECT ${quoted(CARRIED_COLUMNS)}, ${Prisma.join(REMOVAL_COLUMNS.map((column) => removal[column]))}
    FROM "DncEntry" WHERE "id" = ${entry.id} AND "teamId" = ${entry.teamId}
    ON CONFLICT ("id") DO NOTHING`;
}

/** Drops the removal record of a restored entry, if (and only if) the entry is back with this `updatedAt`. */
export function dropRemovalOfRestored(db: Db, entry: { id: string; teamId: string; updatedAt: Date }): Statement {
  return db.$executeRaw`DELETE FROM "RemovedEntry" WHERE "id" = ${entry.id} AND "teamId" = ${entry.teamId}
    AND EXISTS (SELECT 1 FROM "DncEntry" WHERE "id" = ${entry.id} AND "teamId" = ${entry.teamId} AND "updatedAt" = ${entry.updatedAt})`;
}

/**
 * One webhook delivery per enabled endpoint of the team whose stored event list matches
 * `eventPattern` (a LIKE pattern), written only if the audit event `eventId` was: a change that did
 * not happen sends nothing.
 */
export function insertDeliveries(
  db: Db,
  delivery: { teamId: string; eventId: string; type: string; eventPattern: string; payload: string; at: Date },
): Statement {
  return db.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "teamId", "endpointId", "eventId", "type", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
    SELECT CAST(${delivery.eventId} AS TEXT) || '_' || e."id", e."teamId", e."id", ${delivery.eventId}, ${delivery.type}, ${delivery.payload}, 'pending', 0, ${delivery.at}, ${delivery.at}
    FROM "WebhookEndpoint" e
    WHERE e."teamId" = ${delivery.teamId} AND e."enabled" AND e."events" LIKE ${delivery.eventPattern}
      AND EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = ${delivery.eventId})`;
}

/**
 * Serialises changes to one team's members: a no-op update of the team row, which PostgreSQL keeps
 * locked until the transaction ends, so a check on the other members ("is there another owner?")
 * made by a later statement sees every concurrent change. SQLite has one writer at a time anyway.
 */
export function lockTeam(db: Db, teamId: string): Statement {
  return db.$executeRaw`UPDATE "Team" SET "slug" = "slug" WHERE "id" = ${teamId}`;
}
