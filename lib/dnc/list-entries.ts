import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { type ClientView, inClientView, readView } from "@/lib/clients/client-scope";
import { ENTRY_COLUMNS } from "@/lib/db/statements";
import { type CachedPage, getTeamCache } from "@/lib/cache";
import { databaseProvider, type Db, getDb, Prisma } from "@/lib/db";
import type { ListEntriesQuery } from "./schemas";
import { aliasesOf } from "./entry-aliases";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/**
 * One page of the team's entries (newest first unless asked otherwise) and the total that match
 * the search and filters.
 * Sorted by creation date (or URL) in `order`, ties broken by id.
 * 1. Pages and totals come from the team cache, which every change to the team's list invalidates
 *    (the dashboard and sync jobs read the same pages again and again; a page read costs ~0.5 ms of
 *    row decoding in Prisma, a cached one nothing).
 * 2. The total is counted once per search and filter (counting 100,000 rows costs milliseconds).
 * 3. A page past the middle is read from the far end of the index and reversed: the walk to an
 *    offset is proportional to it, so the deepest page costs what the first does.
 * 4. The search matches an entry's URL or one of its aliases; a page's aliases are read in one query.
 * 5. Each filter on its own is served by an index that starts (teamId, filter column) and continues
 *    in creation order, so a filtered page is a range walk, not a sort.
 * 6. The entries are those of the caller's view (every list, or the global list plus a client's:
 *    lib/clients/client-scope.ts).
 */
export async function listEntries(options: { caller: Caller } & ListEntriesQuery) {
  const { limit, offset, order, sort } = options;
  const { teamId } = options.caller;
  const filters = entryFilters({ ...options, teamId, view: await readView(options.caller, options.client) });
  const cache = getTeamCache();
  const cached = await cache.lookup<CachedPage>(teamId, `page:${sort}:${order}:${limit}:${offset}:${filters.key}`);
  if (cached.value) return { ...cached.value, limit, offset };

  const db = await getDb();
  const total = await countEntries(db, teamId, filters);
  let entries: ReturnType<typeof serializeEntry>[] = [];
  if (offset < total) {
    const fromEnd = offset > total / 2;
    const direction = Prisma.raw((order === "desc") !== fromEnd ? "DESC" : "ASC");
    const column = Prisma.raw(sort === "url" ? `"url"` : `"createdAt"`);
    const page = (take: number, skip: number) => db.$queryRaw<EntryRow[]>`
      SELECT ${ENTRY_COLUMNS} FROM "DncEntry" WHERE ${filters.where}
      ORDER BY ${column} ${direction}, "id" ${direction} LIMIT ${take} OFFSET ${skip}`;
    const rows = fromEnd
      ? (await page(Math.min(limit, total - offset), Math.max(0, total - offset - limit))).reverse()
      : await page(limit, offset);
    // The page's aliases in one query (none for a page whose entries have none to show).
    const aliases = await aliasesOf(
      db,
      teamId,
      rows.map((row) => row.id),
    );
    entries = rows.map((row) => serializeEntry(row, aliases.get(row.id)));
  }
  await cache.store(cached.key, { entries, total } satisfies CachedPage);
  return { entries, total, limit, offset };
}

type EntryFilters = { where: Prisma.Sql; key: string };

/** The WHERE clause of the search and filters, and a cache key that names them exactly. */
function entryFilters(options: { teamId: string; view: ClientView } & ListEntriesQuery): EntryFilters {
  const conditions = [Prisma.sql`"teamId" = ${options.teamId}${inClientView(options.view)}`];
  const pattern = searchPattern(options.q ?? "");
  // Case-insensitive on both engines (SQLite's LIKE is, for ASCII): member, Sales Navigator and Recruiter ids keep their case.
  const like = Prisma.raw(databaseProvider() === "postgresql" ? "ILIKE" : "LIKE");
  if (pattern !== null)
    conditions.push(
      Prisma.sql`("url" ${like} ${pattern} ESCAPE '\\' OR "id" IN (SELECT "entryId" FROM "EntryAlias" WHERE "teamId" = ${options.teamId} AND "url" ${like} ${pattern} ESCAPE '\\'))`,
    );
  if (options.source) conditions.push(Prisma.sql`"source" IN (${Prisma.join(options.source)})`);
  if (options.kind) conditions.push(Prisma.sql`"kind" IN (${Prisma.join(options.kind)})`);
  if (options.category) conditions.push(Prisma.sql`"category" IN (${Prisma.join(options.category)})`);
  if (options.late !== undefined) conditions.push(Prisma.sql`"late" = ${options.late}`);
  if (options.createdBy) conditions.push(Prisma.sql`"createdBy" IN (${Prisma.join(options.createdBy)})`);
  if (options.createdAfter) conditions.push(Prisma.sql`"createdAt" >= ${options.createdAfter}`);
  if (options.createdBefore) conditions.push(Prisma.sql`"createdAt" < ${options.createdBefore}`);
  const expiresBefore = options.expiresWithin === undefined ? null : expiryHorizon(options.expiresWithin);
  if (expiresBefore) conditions.push(Prisma.sql`"expiresAt" IS NOT NULL AND "expiresAt" <= ${expiresBefore}`);
  const key = JSON.stringify([
    options.q ?? "",
    [...(options.source ?? [])].sort(),
    [...(options.kind ?? [])].sort(),
    [...(options.category ?? [])].sort(),
    options.late ?? null,
    [...(options.createdBy ?? [])].sort(),
    options.createdAfter?.getTime() ?? null,
    options.createdBefore?.getTime() ?? null,
    expiresBefore?.getTime() ?? null,
    options.view ?? null,
  ]);
  return { where: Prisma.join(conditions, " AND "), key };
}

const DAY_MS = 24 * 60 * 60 * 1000;
const MINUTE_MS = 60_000;

/**
 * The end of "expires within `days` days", rounded up to the minute: the same filter read again
 * within the minute is the same cached page, and an entry expiring in that minute is within.
 */
function expiryHorizon(days: number): Date {
  return new Date(Math.ceil((Date.now() + days * DAY_MS) / MINUTE_MS) * MINUTE_MS);
}

async function countEntries(db: Db, teamId: string, filters: EntryFilters): Promise<number> {
  const cache = getTeamCache();
  const lookup = await cache.lookup<number>(teamId, `total:${filters.key}`);
  if (lookup.value !== undefined) return lookup.value;
  const [row] = await db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS "total" FROM "DncEntry" WHERE ${filters.where}`;
  const total = Number(row?.total ?? 0);
  await cache.store(lookup.key, total);
  return total;
}

/** Stored slugs are lower-case with non-ASCII percent-encoded, so the search text is put in the same form (ids match in any case). */
export function searchPattern(q: string): string | null {
  if (!q) return null;
  const needle = q
    .toLowerCase()
    .replace(/[^\x00-\x7f]+/g, (text) => encodeURIComponent(text))
    .replace(/[\\%_]/g, (char) => `\\${char}`);
  return `%${needle}%`;
}
