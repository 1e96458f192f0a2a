import "server-only";
import { getTeamCache } from "@/lib/cache/team-cache";
import { getDb } from "@/lib/db";
import { readConnection } from "@/lib/db/read-connection";
import type { ListEntriesQuery } from "./schemas";
import { serializeEntry, type StoredEntryRow } from "./serialize-entry";

const COLUMNS = "SELECT id, teamId, url, createdAt, updatedAt FROM DncEntry WHERE teamId = ?";
const SEARCH = " AND url LIKE ? ESCAPE '\\'";

/**
 * One page of the team's entries (newest first unless asked otherwise) and the total that match.
 * 1. The total comes from the team cache (counting 100,000 rows costs milliseconds; any change invalidates it).
 * 2. A page past the middle is read from the far end of the index and reversed: the walk to an
 *    offset is proportional to it, so the deepest page costs what the first does.
 */
export async function listEntries(options: { teamId: string } & ListEntriesQuery) {
  const { teamId, limit, offset, order } = options;
  await getDb();
  const pattern = searchPattern(options.q);
  const filter = pattern === null ? [teamId] : [teamId, pattern];
  const total = countEntries(teamId, options.q ?? "", filter);
  if (offset >= total) return { entries: [], total, limit, offset };

  const fromEnd = offset > total / 2;
  const direction = (order === "desc") !== fromEnd ? "DESC" : "ASC";
  const sql = `${COLUMNS}${pattern === null ? "" : SEARCH} ORDER BY createdAt ${direction}, id ${direction} LIMIT ? OFFSET ?`;
  const rows = fromEnd
    ? readConnection().all<StoredEntryRow>(sql, ...filter, Math.min(limit, total - offset), Math.max(0, total - offset - limit)).reverse()
    : readConnection().all<StoredEntryRow>(sql, ...filter, limit, offset);
  return { entries: rows.map(serializeEntry), total, limit, offset };
}

function countEntries(teamId: string, q: string, filter: string[]): number {
  const cache = getTeamCache();
  const key = cache.totalKey(teamId, q);
  const cached = cache.getTotal(key);
  if (cached !== undefined) return cached;
  const sql = `SELECT COUNT(*) AS total FROM DncEntry WHERE teamId = ?${filter.length > 1 ? SEARCH : ""}`;
  const total = readConnection().get<{ total: number }>(sql, ...filter)?.total ?? 0;
  cache.setTotal(key, total);
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
