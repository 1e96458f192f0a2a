import "server-only";
import { getTeamCache } from "@/lib/cache/team-cache";
import { type Db, getDb, Prisma } from "@/lib/db";
import type { ListEntriesQuery } from "./schemas";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/**
 * One page of the team's entries (newest first unless asked otherwise) and the total that match.
 * 1. The total comes from the team cache (counting 100,000 rows costs milliseconds; any change invalidates it).
 * 2. A page past the middle is read from the far end of the index and reversed: the walk to an
 *    offset is proportional to it, so the deepest page costs what the first does.
 */
export async function listEntries(options: { teamId: string } & ListEntriesQuery) {
  const { teamId, limit, offset, order } = options;
  const db = await getDb();
  const pattern = searchPattern(options.q);
  const where = pattern === null ? Prisma.sql`"teamId" = ${teamId}` : Prisma.sql`"teamId" = ${teamId} AND "url" LIKE ${pattern} ESCAPE '\\'`;
  const total = await countEntries(db, teamId, options.q ?? "", where);
  if (offset >= total) return { entries: [], total, limit, offset };

  const fromEnd = offset > total / 2;
  const direction = Prisma.raw((order === "desc") !== fromEnd ? "DESC" : "ASC");
  const page = (take: number, skip: number) => db.$queryRaw<EntryRow[]>`
    SELECT "id", "teamId", "url", "createdAt", "updatedAt" FROM "DncEntry" WHERE ${where}
    ORDER BY "createdAt" ${direction}, "id" ${direction} LIMIT ${take} OFFSET ${skip}`;
  const rows = fromEnd ? (await page(Math.min(limit, total - offset), Math.max(0, total - offset - limit))).reverse() : await page(limit, offset);
  return { entries: rows.map(serializeEntry), total, limit, offset };
}

async function countEntries(db: Db, teamId: string, q: string, where: Prisma.Sql): Promise<number> {
  const cache = getTeamCache();
  const lookup = await cache.lookupTotal(teamId, q);
  if (lookup.value !== undefined) return lookup.value;
  const [row] = await db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "DncEntry" WHERE ${where}`;
  const total = Number(row?.total ?? 0);
  await cache.storeTotal(lookup.key, total);
  return total;
}

/** Stored URLs are lower-case with non-ASCII percent-encoded, so the search text is put in the same form. */
function searchPattern(q: string | undefined): string | null {
  if (!q) return null;
  const needle = q
    .toLowerCase()
    .replace(/[^\x00-\x7f]+/g, (text) => encodeURIComponent(text))
    .replace(/[\\%_]/g, (char) => `\\${char}`);
  return `%${needle}%`;
}
