import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { clientIdField, inClientView, readView } from "@/lib/clients/client-scope";
import { getDb, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { parseStoredAliases } from "./entry-aliases";
import { searchPattern } from "./list-entries";
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
 * most recently removed first, with the aliases they had.
 */
export async function listRemovedEntries(options: { caller: Caller } & ListRemovedQuery) {
  const db = await getDb();
  const view = await readView(options.caller, options.client);
  const conditions = [Prisma.sql`"teamId" = ${options.caller.teamId}${inClientView(view)}`, Prisma.sql`"removedAt" >= ${restoreCutoff()}`];
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
  const entries = rows.map((row): RemovedEntryDto => {
    const aliases = parseStoredAliases(row.aliases);
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
      ...(aliases.length > 0 ? { aliases } : {}),
      ...(row.expiresAt ? { expiresAt: row.expiresAt.toISOString() } : {}),
      ...clientIdField(row.clientId),
    };
  });
  return { entries, total: Number(count?.total ?? 0), limit: options.limit, offset: options.offset };
}
