import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { AuditEventInput } from "@/lib/audit/audit-event";
import type { Caller } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache";
import { type Db, getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { isGuardFailure, isUniqueViolation } from "@/lib/db/errors";
import { failTransactionWhen } from "@/lib/db/statements";
import { identifierTaken } from "@/lib/dnc/entry-aliases";
import { AppError } from "@/lib/errors";
import { GLOBAL_CLIENT_ID, wireClientId } from "./client-scope";
import { GLOBAL_LIST } from "./schemas";

/** An entry added to the client, or an identifier to the target list, between our read and our write is rare; a few tries settle it. */
const MAX_ATTEMPTS = 3;
/** Entry ids per statement: SQLite binds at most 999 parameters per statement. */
const IDS_PER_STATEMENT = 500;

type Plan = {
  client: { id: string; name: string };
  /** The list the client's entries and removed entries go to ("" for global), and how the audit trail names it. */
  target: { clientId: string; label: string };
  entries: { id: string; url: string }[];
};

/**
 * Deletes one of the team's clients (DELETE /clients/{id}).
 * 1. Refused while an unrevoked API key is bound to it (409 `client_has_keys`), or while it has
 *    entries and `moveEntriesTo` does not say where they go (409 `client_has_entries`);
 *    `moveEntriesTo` is another client of the team or `global` (itself: 400 `invalid_client`).
 * 2. An identifier of its entries (URL or alias) already on the target list is 409 `dnc_exists`
 *    naming the entry that holds it; nothing changes.
 * 3. One audited write: the client deleted, its entries and their aliases moved to the target list,
 *    its removed entries too (to the global list without `moveEntriesTo`, so a restore lands there),
 *    a `client.deleted` event and a `dnc.updated` event per moved entry. A guard statement fails the
 *    whole write when an entry reached the client, or a duplicate the target list, since the read;
 *    then it reads again.
 * 4. With entries moved, the team's cached answers are invalidated around the change.
 */
export async function deleteClient(options: {
  caller: Caller;
  id: string;
  moveEntriesTo?: string;
  requestId: string;
}): Promise<{ message: "Client deleted"; moved: number }> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const plan = await planDeletion(options);
    const write = () => writeDeletion(options, plan);
    try {
      const { changed } = plan.entries.length > 0 ? await changeTeamList(options.caller.teamId, write) : await write();
      if (changed > 0) return { message: "Client deleted", moved: plan.entries.length };
    } catch (error) {
      if (!isConstraintViolation(error)) throw error;
    }
  }
  throw new AppError("service_unavailable");
}

/** Everything the write needs, read and checked (each refusal as step 1 and 2 describe). */
async function planDeletion(options: { caller: Caller; id: string; moveEntriesTo?: string }): Promise<Plan> {
  const { teamId } = options.caller;
  const db = await getDb();
  const client = await db.client.findFirst({ where: { id: options.id, teamId }, select: { id: true, name: true } });
  if (!client) throw new AppError("client_not_found");
  const target = await targetList(db, teamId, client.id, options.moveEntriesTo);
  if (await db.apiKey.count({ where: { teamId, clientId: client.id, revokedAt: null } })) throw new AppError("client_has_keys");
  const entries = await db.dncEntry.findMany({ where: { teamId, clientId: client.id }, select: { id: true, url: true } });
  if (entries.length === 0) return { client, target, entries };
  if (options.moveEntriesTo === undefined) throw new AppError("client_has_entries");
  const [holder] = await db.$queryRaw<{ id: string; url: string }[]>`${heldOnTarget(teamId, client.id, target.clientId)} LIMIT 1`;
  if (holder) throw identifierTaken({ $id: holder.id, url: holder.url });
  return { client, target, entries };
}

async function targetList(db: Db, teamId: string, clientId: string, moveEntriesTo: string | undefined): Promise<Plan["target"]> {
  if (moveEntriesTo === undefined || moveEntriesTo === GLOBAL_LIST) return { clientId: GLOBAL_CLIENT_ID, label: "the global list" };
  if (moveEntriesTo === clientId)
    throw new AppError("invalid_client", "moveEntriesTo must be another client (or global), not the client being deleted");
  const target = await db.client.findFirst({ where: { id: moveEntriesTo, teamId }, select: { id: true, name: true } });
  if (!target) throw new AppError("client_not_found");
  return { clientId: target.id, label: `"${target.name}" (${target.id})` };
}

/** The entries of the target list holding an identifier (URL or alias) that an entry of the client has too, with their own URL. */
function heldOnTarget(teamId: string, clientId: string, targetId: string): Prisma.Sql {
  const identifiers = Prisma.sql`SELECT "url" FROM "DncEntry" WHERE "teamId" = ${teamId} AND "clientId" = ${clientId}
    UNION ALL SELECT "url" FROM "EntryAlias" WHERE "teamId" = ${teamId} AND "clientId" = ${clientId}`;
  return Prisma.sql`SELECT "id", "url" FROM "DncEntry" WHERE "teamId" = ${teamId} AND "clientId" = ${targetId} AND "url" IN (${identifiers})
    UNION ALL
    SELECT d."id", d."url" FROM "EntryAlias" a JOIN "DncEntry" d ON d."id" = a."entryId"
    WHERE a."teamId" = ${teamId} AND a."clientId" = ${targetId} AND a."url" IN (${identifiers})`;
}

function writeDeletion(options: { caller: Caller; requestId: string }, { client, target, entries }: Plan) {
  const { teamId, actor } = options.caller;
  const now = new Date();
  const moved = entries.length === 0 ? "" : `; ${entries.length} ${entries.length === 1 ? "entry" : "entries"} moved to ${target.label}`;
  const changes = JSON.stringify({ clientId: { from: client.id, to: wireClientId(target.clientId) } });
  const events: AuditEventInput[] = [
    {
      teamId,
      action: "client.deleted",
      actor,
      targetId: client.id,
      clientId: client.id,
      reason: `"${client.name}"${moved}`,
      requestId: options.requestId,
    },
    ...entries.map((entry): AuditEventInput => ({
      teamId,
      action: "dnc.updated",
      actor,
      targetId: entry.id,
      url: entry.url,
      reason: changes,
      requestId: options.requestId,
      ...(target.clientId === GLOBAL_CLIENT_ID ? {} : { clientId: target.clientId }),
    })),
  ];
  // Each statement after the deletion applies only once it happened: without it, the events are not written and nothing moves.
  const deleted = Prisma.sql`NOT EXISTS (SELECT 1 FROM "Client" WHERE "id" = ${client.id})`;
  const chunks = Array.from({ length: Math.ceil(entries.length / IDS_PER_STATEMENT) }, (_, index) =>
    entries.slice(index * IDS_PER_STATEMENT, (index + 1) * IDS_PER_STATEMENT).map((entry) => entry.id),
  );
  return auditedWrite(auditChain, {
    teamId,
    at: now,
    change: Prisma.sql`DELETE FROM "Client" WHERE "id" = ${client.id} AND "teamId" = ${teamId}
      AND NOT EXISTS (SELECT 1 FROM "ApiKey" WHERE "teamId" = ${teamId} AND "clientId" = ${client.id} AND "revokedAt" IS NULL)`,
    events,
    after: (db) => [
      ...chunks.map(
        (ids) => db.$executeRaw`UPDATE "DncEntry" SET "clientId" = ${target.clientId}, "updatedAt" = ${now}
          WHERE "teamId" = ${teamId} AND "clientId" = ${client.id} AND "id" IN (${Prisma.join(ids)}) AND ${deleted}`,
      ),
      db.$executeRaw`UPDATE "EntryAlias" SET "clientId" = ${target.clientId}
        WHERE "teamId" = ${teamId} AND "clientId" = ${client.id} AND ${deleted}`,
      db.$executeRaw`UPDATE "RemovedEntry" SET "clientId" = ${target.clientId}
        WHERE "teamId" = ${teamId} AND "clientId" = ${client.id} AND ${deleted}`,
      // The guard: the transaction fails when an entry the events do not name is still on the client
      // (added since the read), or a moved identifier (the moved entries' updatedAt is this write's)
      // is now twice on the target list.
      failTransactionWhen(
        db,
        Prisma.sql`${deleted} AND (EXISTS (SELECT 1 FROM "DncEntry" WHERE "teamId" = ${teamId} AND "clientId" = ${client.id})
          OR EXISTS (SELECT 1 FROM "EntryAlias" a JOIN "DncEntry" d ON d."teamId" = a."teamId" AND d."url" = a."url" AND d."clientId" = a."clientId"
            WHERE a."teamId" = ${teamId} AND a."clientId" = ${target.clientId}
              AND (d."updatedAt" = ${now} OR EXISTS (SELECT 1 FROM "DncEntry" e WHERE e."id" = a."entryId" AND e."updatedAt" = ${now}))))`,
      ),
    ],
  });
}

/** A unique index or the guard refused the write: what was read has changed, so it is read again. */
function isConstraintViolation(error: unknown): boolean {
  return isUniqueViolation(error) || isGuardFailure(error);
}
