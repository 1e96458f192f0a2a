import "server-only";
import { getDb, Prisma } from "@/lib/db";

/**
 * A bulk delete sends one DELETE per entry, all by one remover with one reason, seconds apart (the
 * paced queue waits out the rate limit, a window of a minute at most). Removals by one remover with
 * one reason, each at most this long after the one before, are taken for one run; a pause longer
 * than this (a run resumed hours later) starts another.
 */
export const RUN_GAP_MS = 2 * 60_000;

export type RemovalRun = { size: number; firstRemovedAt: Date; lastRemovedAt: Date };
export type RemovalTime = { id: string; removedAt: Date };

/** The runs of removals ordered by time, and the run of each removal by its entry id. */
export function splitIntoRuns(removals: RemovalTime[]): Map<string, RemovalRun> {
  const runOf = new Map<string, RemovalRun>();
  let run: RemovalRun | null = null;
  for (const removal of removals) {
    if (!run || removal.removedAt.getTime() - run.lastRemovedAt.getTime() > RUN_GAP_MS) {
      run = { size: 0, firstRemovedAt: removal.removedAt, lastRemovedAt: removal.removedAt };
    }
    run.size += 1;
    run.lastRemovedAt = removal.removedAt;
    runOf.set(removal.id, run);
  }
  return runOf;
}

/** An exact match of the reason, none included (`=` never matches NULL, and PostgreSQL has no `IS` for values). */
export const sameReason = (reason: string | null) => (reason === null ? Prisma.sql`"reason" IS NULL` : Prisma.sql`"reason" = ${reason}`);

/**
 * The times of one remover's removals with one reason, oldest first, among the removed entries
 * `where` admits (the team, the restore window, the caller's client view). Only ids and times are
 * read: a run of ten thousand is a small read.
 */
export async function removalTimes(where: Prisma.Sql, removal: { removedBy: string; reason: string | null }): Promise<RemovalTime[]> {
  const db = await getDb();
  return db.$queryRaw<RemovalTime[]>`SELECT "id", "removedAt" FROM "RemovedEntry"
    WHERE ${where} AND "removedBy" = ${removal.removedBy} AND ${sameReason(removal.reason)}
    ORDER BY "removedAt" ASC, "id" ASC`;
}

/** The runs of one remover's removals with one reason (see `removalTimes`), by entry id. */
export async function runsOf(where: Prisma.Sql, removal: { removedBy: string; reason: string | null }) {
  return splitIntoRuns(await removalTimes(where, removal));
}
