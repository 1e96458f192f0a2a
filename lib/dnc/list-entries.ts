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
  const search = searchFilter(options.q);
  const total = await countEntries(db, teamId, options.q ?? "", search);
  if (offset >= total) return { entries: [], total, limit, offset };

  const fromEnd = offset > total / 2;
  const descending = (order === "desc") !== fromEnd;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const rows = await db.$queryRaw<EntryRow[]>`
    SELECT id, teamId, url, createdAt, updatedAt FROM DncEntry
    WHERE teamId = ${teamId} ${search}
    ORDER BY createdAt ${direction}, id ${direction}
    LIMIT ${fromEnd ? Math.min(limit, total - offset) : limit}
    OFFSET ${fromEnd ? Math.max(0, total - offset - limit) : offset}`;
  if (fromEnd) rows.reverse();
  return { entries: rows.map(serializeEntry), total, limit, offset };
}

async function countEntries(db: Db, teamId: string, q: string, search: Prisma.Sql) {
  const cache = getTeamCache();
  const key = cache.totalKey(teamId, q);
  const cached = cache.getTotal(key);
  if (cached !== undefined) return cached;
  const [row] = await db.$queryRaw<{ total: bigint }[]>`SELECT COUNT(*) AS total FROM DncEntry WHERE teamId = ${teamId} ${search}`;
  const total = Number(row?.total ?? 0);
  cache.setTotal(key, total);
  return total;
}

/** Stored URLs are lower-case with non-ASCII percent-encoded, so the search text is put in the same form. */
function searchFilter(q: string | undefined): Prisma.Sql {
  if (!q) return Prisma.empty;
  const needle = q
    .toLowerCase()
    .replace(/[^\x00-\x7f]+/g, (text) => encodeURIComponent(text))
    .replace(/[\\%_]/g, (char) => `\\${char}`);
  return Prisma.sql`AND url LIKE ${`%${needle}%`} ESCAPE '\\'`;
}
