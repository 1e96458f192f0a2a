import "server-only";
import { getTeamCache } from "@/lib/cache/team-cache";
import { getReader, type Reader } from "@/lib/db/reader";
import type { ListEntriesQuery } from "./schemas";
import { type EntryRow, serializeEntry } from "./serialize-entry";

const FROM_TEAM = `FROM "DncEntry" WHERE "teamId" = ?`;
const SEARCH = ` AND "url" LIKE ? ESCAPE '\\'`;

/**
 * One page of the team's entries (newest first unless asked otherwise) and the total that match.
 * 1. The total comes from the team cache (counting 100,000 rows costs milliseconds; any change invalidates it).
 * 2. A page past the middle is read from the far end of the index and reversed: the walk to an
 *    offset is proportional to it, so the deepest page costs what the first does.
 */
export async function listEntries(options: { teamId: string } & ListEntriesQuery) {
  const { teamId, limit, offset, order } = options;
  const reader = await getReader();
  const pattern = searchPattern(options.q);
  const filter = pattern === null ? [teamId] : [teamId, pattern];
  const where = pattern === null ? FROM_TEAM : FROM_TEAM + SEARCH;
  const total = await countEntries(reader, teamId, options.q ?? "", where, filter);
  if (offset >= total) return { entries: [], total, limit, offset };

  const fromEnd = offset > total / 2;
  const direction = (order === "desc") !== fromEnd ? "DESC" : "ASC";
  const sql = `SELECT "id", "teamId", "url", "createdAt", "updatedAt" ${where} ORDER BY "createdAt" ${direction}, "id" ${direction} LIMIT ? OFFSET ?`;
  const rows = fromEnd
    ? (await reader.all<EntryRow>(sql, ...filter, Math.min(limit, total - offset), Math.max(0, total - offset - limit))).reverse()
    : await reader.all<EntryRow>(sql, ...filter, limit, offset);
  return { entries: rows.map(serializeEntry), total, limit, offset };
}

async function countEntries(reader: Reader, teamId: string, q: string, where: string, filter: string[]): Promise<number> {
  const cache = getTeamCache();
  const lookup = await cache.lookupTotal(teamId, q);
  if (lookup.value !== undefined) return lookup.value;
  const row = await reader.get<{ total: number | bigint }>(`SELECT COUNT(*) AS "total" ${where}`, ...filter);
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
