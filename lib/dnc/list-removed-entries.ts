import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { clientIdField, inClientView, readView } from "@/lib/clients/client-scope";
import { getDb, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { parseStoredAliases } from "./entry-aliases";
import { searchPattern } from "./list-entries";
import { type RemovalRun, removalTimes, runsOf, sameReason, splitIntoRuns } from "./removal-runs";
import { restoreCutoff } from "./restore-window";
import type { EntrySource, ListRemovedQuery, RemovedEntryDto } from "./schemas";

type RemovedRow = {
  id: string;
  teamId: string;
  url: string;
  createdAt: Date;
  createdBy: string;
  source: string;
  sourceFile: string | null;
  note: string | null;
  expiresAt: Date | null;
  clientId: string;
  removedAt: Date;
  removedBy: string;
  reason: string | null;
  removalEventId: string;
  aliases: string | null;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The team's entries removed within the restore window from the lists the caller reads (lib/clients/client-scope.ts),
 * most recently removed first, with the aliases they had and the run (lib/dnc/removal-runs.ts) each belongs to;
 * `run` keeps only the run of the removed entry it names.
 */
export async function listRemovedEntries(options: { caller: Caller } & ListRemovedQuery) {
  const db = await getDb();
  const view = await readView(options.caller, options.client);
  const removable = Prisma.sql`"teamId" = ${options.caller.teamId}${inClientView(view)} AND "removedAt" >= ${restoreCutoff()}`;
  const conditions = [removable];
  if (options.run !== undefined) conditions.push(await runCondition(options.caller, removable, options.run));
  const pattern = searchPattern(options.q ?? "");
  // The aliases are a JSON array of canonical identifiers: a match inside it is a match of one of them.
  if (pattern !== null) conditions.push(Prisma.sql`("url" LIKE ${pattern} ESCAPE '\\' OR "aliases" LIKE ${pattern} ESCAPE '\\')`);
  const where = Prisma.join(conditions, " AND ");
  const [rows, [count]] = await Promise.all([
    db.$queryRaw<RemovedRow[]>`SELECT * FROM "RemovedEntry" WHERE ${where}
      ORDER BY "removedAt" DESC, "id" DESC LIMIT ${options.limit} OFFSET ${options.offset}`,
    db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "RemovedEntry" WHERE ${where}`,
  ]);
  const keptFor = env().DNC_RESTORE_DAYS * DAY_MS;
  const runOf = await runsOfRows(removable, rows);
  const entries = rows.map((row): RemovedEntryDto => {
    const aliases = parseStoredAliases(row.aliases);
    // Restored between the two reads: its run is then itself alone.
    const run = runOf.get(row.id) ?? { size: 1, firstRemovedAt: row.removedAt, lastRemovedAt: row.removedAt };
    return {
      $id: row.id,
      teamId: row.teamId,
      url: row.url,
      $createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy,
      source: row.source as EntrySource,
      sourceFile: row.sourceFile,
      note: row.note,
      removedAt: row.removedAt.toISOString(),
      removedBy: row.removedBy,
      reason: row.reason,
      removalEventId: row.removalEventId,
      restorableUntil: new Date(row.removedAt.getTime() + keptFor).toISOString(),
      run: { size: run.size, firstRemovedAt: run.firstRemovedAt.toISOString(), lastRemovedAt: run.lastRemovedAt.toISOString() },
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(row.expiresAt ? { expiresAt: row.expiresAt.toISOString() } : {}),
      ...clientIdField(row.clientId),
    };
  });
  return { entries, total: Number(count?.total ?? 0), limit: options.limit, offset: options.offset };
}

/**
 * The run of the removal of entry `id` as a condition: its remover, its reason, and the span from
 * the run's first removal to its last (no removal by that remover with that reason falls in between
 * that is not part of it). An entry restored since still names the run it was removed in (its
 * removal is in the audit trail), so a run's link keeps showing what is left of it; an id never
 * removed matches nothing.
 */
async function runCondition(caller: Caller, removable: Prisma.Sql, id: string): Promise<Prisma.Sql> {
  const removal = await removalOf(caller, removable, id);
  if (!removal) return Prisma.sql`1 = 0`;
  const times = (await removalTimes(removable, removal)).filter((time) => time.id !== id);
  const anchor = { id, removedAt: removal.removedAt };
  const run = splitIntoRuns([...times, anchor].sort((a, b) => a.removedAt.getTime() - b.removedAt.getTime())).get(id)!;
  return Prisma.sql`"removedBy" = ${removal.removedBy} AND ${sameReason(removal.reason)}
    AND "removedAt" >= ${run.firstRemovedAt} AND "removedAt" <= ${run.lastRemovedAt}`;
}

/** Who removed the entry, why and when: from Recently removed, or (restored since) its last removal's audit event. */
async function removalOf(caller: Caller, removable: Prisma.Sql, id: string) {
  const db = await getDb();
  const [removed] = await db.$queryRaw<{ removedBy: string; reason: string | null; removedAt: Date }[]>`
    SELECT "removedBy", "reason", "removedAt" FROM "RemovedEntry" WHERE ${removable} AND "id" = ${id}`;
  if (removed) return removed;
  const event = await db.auditEvent.findFirst({
    where: { teamId: caller.teamId, targetId: id, action: { in: ["dnc.deleted", "dnc.expired"] } },
    orderBy: { createdAt: "desc" },
    select: { actor: true, reason: true, createdAt: true },
  });
  return event ? { removedBy: event.actor, reason: event.reason, removedAt: event.createdAt } : null;
}

/** The run of each row: one read of the removal times per remover and reason on the page. */
async function runsOfRows(removable: Prisma.Sql, rows: RemovedRow[]): Promise<Map<string, RemovalRun>> {
  const groups = new Map<string, { removedBy: string; reason: string | null }>();
  for (const row of rows) groups.set(JSON.stringify([row.removedBy, row.reason]), { removedBy: row.removedBy, reason: row.reason });
  const runOf = new Map<string, RemovalRun>();
  for (const removal of groups.values()) for (const [id, run] of await runsOf(removable, removal)) runOf.set(id, run);
  return runOf;
}
