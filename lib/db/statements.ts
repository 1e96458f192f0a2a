import "server-only";
import { type AuditEvent, databaseProvider, type Db, type DncEntry, type EntryAlias, Prisma, type RemovedEntry } from "./index";

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
 * One statement that changes at most one row, and the audit rows describing it. The first
 * statement's result is the number of rows changed, on both engines:
 * - SQLite: the change, then the first audit INSERT reading `changes()` (the count of the statement
 *   just run on the same connection, inside the same transaction).
 * - PostgreSQL: one statement, the change as a CTE feeding the first audit INSERT, whose count is
 *   the change's.
 * Each further row is written if the first one was (read back by its id, in the same transaction).
 * Tolerant (`strict: false`): the audit rows are written if, and only if, the change happened.
 * Strict: a change that did not happen fails the statement, and with it the whole transaction (for
 * writes committed together, where a missing row would leave a gap in the chain).
 */
export function changeAndAuditRows(
  db: Db,
  provider: "sqlite" | "postgresql",
  change: Prisma.Sql,
  [first, ...rest]: [AuditEvent, ...AuditEvent[]],
  strict: boolean,
): Statement[] {
  const columns = quoted(AUDIT_COLUMNS);
  const firstWritten = Prisma.sql`EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = ${first.id})`;
  const following = rest.map((row) =>
    strict
      ? db.$executeRaw`INSERT INTO "AuditEvent" (${columns}) SELECT ${auditValues(row, Prisma.sql`CASE WHEN ${firstWritten} THEN CAST(${row.action} AS TEXT) END`)}`
      : db.$executeRaw`INSERT INTO "AuditEvent" (${columns}) SELECT ${auditValues(row)} WHERE ${firstWritten}`,
  );
  if (provider === "postgresql") {
    return [
      strict
        ? db.$executeRaw`WITH changed AS (${change} RETURNING 1) INSERT INTO "AuditEvent" (${columns})
            SELECT ${auditValues(first, Prisma.sql`CASE WHEN (SELECT COUNT(*) FROM changed) = 1 THEN CAST(${first.action} AS TEXT) END`)}`
        : db.$executeRaw`WITH changed AS (${change} RETURNING 1) INSERT INTO "AuditEvent" (${columns}) SELECT ${auditValues(first)} FROM changed`,
      ...following,
    ];
  }
  return [
    db.$executeRaw(change),
    strict
      ? db.$executeRaw`INSERT INTO "AuditEvent" (${columns}) SELECT ${auditValues(first, Prisma.sql`CASE WHEN changes() = 1 THEN ${first.action} END`)}`
      : db.$executeRaw`INSERT INTO "AuditEvent" (${columns}) SELECT ${auditValues(first)} WHERE changes() = 1`,
    ...following,
  ];
}

const ENTRY_FIELDS = Object.values(Prisma.DncEntryScalarFieldEnum);

/** Every column of an entry, for raw SELECTs on the hot paths (rows come back as `DncEntry`). */
export const ENTRY_COLUMNS = quoted(ENTRY_FIELDS);

/**
 * Inserts the entry unless its id, or one of `forms` (its URL, and the older form a member id may
 * be stored under), is held on its list (the team's global list, or its client's) as an entry's URL
 * or as an alias, or its client was deleted since the add read it (then it changes nothing).
 */
export function insertEntryUnlessListed(entry: DncEntry, forms: string[]): Prisma.Sql {
  // SELECT … WHERE rather than VALUES, for the condition; SQLite needs the WHERE before an upsert clause anyway.
  return Prisma.sql`INSERT INTO "DncEntry" (${ENTRY_COLUMNS})
    SELECT ${Prisma.join(ENTRY_FIELDS.map((column) => entry[column]))}
    WHERE NOT ${heldInList(entry, forms)} AND ${listExists(entry)}
    ON CONFLICT DO NOTHING`;
}

/** The list is the team's global one, or a client the team still has. */
function listExists(list: { teamId: string; clientId: string }): Prisma.Sql {
  return Prisma.sql`(${list.clientId} = '' OR EXISTS (SELECT 1 FROM "Client" WHERE "id" = ${list.clientId} AND "teamId" = ${list.teamId}))`;
}

/**
 * Fails the transaction (a NOT NULL violation) when one of these new entries is on a client the team
 * no longer has: deleted between the batch's read and its write. The batch add reads again and
 * answers `client_not_found`.
 */
export function failOnDeletedClients(db: Db, teamId: string, entryIds: string[]): Statement {
  return failTransactionWhen(
    db,
    Prisma.sql`EXISTS (SELECT 1 FROM "DncEntry" d WHERE d."teamId" = ${teamId} AND d."id" IN (${Prisma.join(entryIds)}) AND d."clientId" <> ''
      AND NOT EXISTS (SELECT 1 FROM "Client" c WHERE c."id" = d."clientId" AND c."teamId" = d."teamId"))`,
  );
}

/**
 * Fails the transaction when `condition` holds, on both engines: a row with a NULL id violates
 * "Client"'s NOT NULL (isGuardFailure in lib/db/errors.ts tells this failure from others). A batch
 * transaction cannot branch, so this is how its last statement undoes the ones before.
 */
export function failTransactionWhen(db: Db, condition: Prisma.Sql): Statement {
  return db.$executeRaw`INSERT INTO "Client" ("id", "teamId", "name", "createdBy") SELECT NULL, NULL, NULL, NULL WHERE ${condition}`;
}

const ALIAS_FIELDS = Object.values(Prisma.EntryAliasScalarFieldEnum);
const ALIAS_COLUMNS = quoted(ALIAS_FIELDS);

/** True when one of `forms` is held on the list (the team's global one, or a client's): as an entry's URL or as an alias. */
function heldInList(list: { teamId: string; clientId: string }, forms: string[]): Prisma.Sql {
  const urls = Prisma.join(forms);
  return Prisma.sql`(EXISTS (SELECT 1 FROM "DncEntry" WHERE "teamId" = ${list.teamId} AND "url" IN (${urls}) AND "clientId" = ${list.clientId})
    OR EXISTS (SELECT 1 FROM "EntryAlias" WHERE "teamId" = ${list.teamId} AND "url" IN (${urls}) AND "clientId" = ${list.clientId}))`;
}

/**
 * Inserts the alias unless one of `forms` (its canonical form, and the older form an entry may be
 * stored under) is held on its entry's list, as an entry's URL or an alias, and only while its entry is on
 * that list (with `entryUpdatedAt`, only while it is there with that `updatedAt`: a restore
 * brings aliases back only if the entry came back; with `maxPerEntry`, only while the entry has fewer
 * aliases). At most one row.
 */
export function insertAliasUnlessHeld(
  alias: EntryAlias,
  forms: string[],
  guard: { entryUpdatedAt?: Date; maxPerEntry?: number } = {},
): Prisma.Sql {
  const sameVersion = guard.entryUpdatedAt === undefined ? Prisma.empty : Prisma.sql` AND "updatedAt" = ${guard.entryUpdatedAt}`;
  const belowLimit =
    guard.maxPerEntry === undefined
      ? Prisma.empty
      : Prisma.sql` AND (SELECT COUNT(*) FROM "EntryAlias" WHERE "teamId" = ${alias.teamId} AND "entryId" = ${alias.entryId}) < ${guard.maxPerEntry}`;
  return Prisma.sql`INSERT INTO "EntryAlias" (${ALIAS_COLUMNS})
    SELECT ${Prisma.join(ALIAS_FIELDS.map((column) => alias[column]))}
    WHERE EXISTS (SELECT 1 FROM "DncEntry" WHERE "id" = ${alias.entryId} AND "teamId" = ${alias.teamId} AND "clientId" = ${alias.clientId}${sameVersion})
      AND NOT ${heldInList(alias, forms)}${belowLimit}
    ON CONFLICT DO NOTHING`;
}

/**
 * Deletes one alias of the team's entry (at most one row); with `onlyIf` (a condition on the
 * entry's row, ` AND …`), only while the entry meets it.
 */
export function deleteAlias(alias: { teamId: string; entryId: string; url: string; onlyIf?: Prisma.Sql }): Prisma.Sql {
  const guard = alias.onlyIf
    ? Prisma.sql` AND EXISTS (SELECT 1 FROM "DncEntry" WHERE "id" = ${alias.entryId} AND "teamId" = ${alias.teamId}${alias.onlyIf})`
    : Prisma.empty;
  return Prisma.sql`DELETE FROM "EntryAlias" WHERE "teamId" = ${alias.teamId} AND "entryId" = ${alias.entryId} AND "url" = ${alias.url}${guard}`;
}

/**
 * Locks the team's entry row until the transaction ends (PostgreSQL; none is needed on SQLite, whose
 * writer is alone): a removal's statements each read the row again under Read Committed, and a
 * change committed between them (an expiry moved, a category made protected) would let the copy and
 * the alias deletion happen while the conditional DELETE does not. Locked first, every statement
 * sees the row as it is for the whole removal.
 */
export function lockEntryRow(db: Db, entry: { id: string; teamId: string }): Prisma.PrismaPromise<unknown>[] {
  return databaseProvider() === "postgresql"
    ? [db.$queryRaw`SELECT 1 FROM "DncEntry" WHERE "id" = ${entry.id} AND "teamId" = ${entry.teamId} FOR UPDATE`]
    : [];
}

/**
 * Deletes every alias of the team's entry (an entry being removed takes its aliases with it,
 * explicitly: no cascade is relied on); with `onlyIf` (a condition on the entry's row, ` AND …`),
 * only while the entry meets it.
 */
export function deleteAliasesOf(db: Db, entry: { id: string; teamId: string; onlyIf?: Prisma.Sql }): Statement {
  const guard = entry.onlyIf
    ? Prisma.sql` AND EXISTS (SELECT 1 FROM "DncEntry" WHERE "id" = ${entry.id} AND "teamId" = ${entry.teamId}${entry.onlyIf})`
    : Prisma.empty;
  return db.$executeRaw`DELETE FROM "EntryAlias" WHERE "entryId" = ${entry.id} AND "teamId" = ${entry.teamId}${guard}`;
}

/**
 * The new entries' identifiers must be free on their lists across both tables; the batch add reads
 * that before its write, and these statements make sure it still holds when the write commits. Each
 * inserts, only when there is a collision, an alias row whose (teamId, url) exists already, so the
 * collision fails the transaction on EntryAlias's unique index (a unique violation naming url,
 * which the batch add answers by reading again and retrying), and otherwise changes nothing:
 * 1. an entry's URL that is an alias on its list;
 * 2. an alias of one of these entries that is an entry's URL on its list.
 * (Two aliases of one identifier fail on the unique index by themselves.)
 */
export function failOnIdentifierCollisions(db: Db, teamId: string, entryIds: string[]): Statement[] {
  const ids = Prisma.join(entryIds);
  return [
    db.$executeRaw`INSERT INTO "EntryAlias" ("teamId", "url", "clientId", "entryId", "createdAt", "createdBy")
      SELECT d."teamId", d."url", d."clientId", d."id", d."createdAt", d."createdBy" FROM "DncEntry" d
      WHERE d."teamId" = ${teamId} AND d."id" IN (${ids})
        AND EXISTS (SELECT 1 FROM "EntryAlias" a WHERE a."teamId" = d."teamId" AND a."url" = d."url" AND a."clientId" = d."clientId")`,
    db.$executeRaw`INSERT INTO "EntryAlias" ("teamId", "url", "clientId", "entryId", "createdAt", "createdBy")
      SELECT a."teamId", a."url", a."clientId", a."entryId", a."createdAt", a."createdBy" FROM "EntryAlias" a
      WHERE a."teamId" = ${teamId} AND a."entryId" IN (${ids})
        AND EXISTS (SELECT 1 FROM "DncEntry" d WHERE d."teamId" = a."teamId" AND d."url" = a."url" AND d."clientId" = a."clientId")`,
  ];
}

/** The entry's aliases as a JSON array of canonical identifiers in URL order, or null when it has none. */
function aliasesJson(entryId: string): Prisma.Sql {
  return databaseProvider() === "postgresql"
    ? Prisma.sql`(SELECT CAST(json_agg("url" ORDER BY "url") AS TEXT) FROM "EntryAlias" WHERE "entryId" = ${entryId})`
    : Prisma.sql`(SELECT NULLIF(json_group_array("url"), '[]') FROM (SELECT "url" FROM "EntryAlias" WHERE "entryId" = ${entryId} ORDER BY "url"))`;
}

/** The columns an entry keeps when it is removed, and those the removal adds (who, when, why, which event). */
const CARRIED_COLUMNS = Object.values(Prisma.RemovedEntryScalarFieldEnum).filter((column) => column in Prisma.DncEntryScalarFieldEnum);
type Removal = Omit<RemovedEntry, (typeof CARRIED_COLUMNS)[number] | "aliases">;
const REMOVAL_COLUMNS = Object.values(Prisma.RemovedEntryScalarFieldEnum).filter(
  (column): column is keyof Removal => !(CARRIED_COLUMNS as string[]).includes(column) && column !== "aliases",
);

/**
 * Copies the team's entry as it is now to RemovedEntry, with its aliases (read in the same statement)
 * and the removal's details; nothing if it is not there (or was copied already), or, with `onlyIf`
 * (a condition on its row, ` AND …`), does not meet it.
 */
export function copyEntryToRemoved(db: Db, entry: { id: string; teamId: string; onlyIf?: Prisma.Sql }, removal: Removal): Statement {
  return db.$executeRaw`
    INSERT INTO "RemovedEntry" (${quoted([...CARRIED_COLUMNS, ...REMOVAL_COLUMNS, "aliases"])})
    SELECT ${quoted(CARRIED_COLUMNS)}, ${Prisma.join(REMOVAL_COLUMNS.map((column) => removal[column]))}, ${aliasesJson(entry.id)}
    FROM "DncEntry" WHERE "id" = ${entry.id} AND "teamId" = ${entry.teamId}${entry.onlyIf ?? Prisma.empty}
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
