import "server-only";
import { ENTRY_COLUMNS } from "@/lib/db/statements";
import { type CachedCheck, getTeamCache } from "@/lib/cache";
import { getDb, Prisma } from "@/lib/db";
import { type LinkedInIdentifier, parseLinkedInIdentifier, storedForms } from "./normalize-linkedin-url";
import type { CheckEntriesResult } from "./schemas";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/** SQLite binds at most 999 parameters per statement (a member id is looked up in two forms). */
const URLS_PER_QUERY = 400;

/**
 * Checks many URLs at once; one result per input, in input order.
 * 1. Normalise each URL (invalid → `{url, error: "invalid_url"}`).
 * 2. Look every distinct URL up in the team's cache in one round trip — the same answers the
 *    single check reads and writes.
 * 3. Read the misses from the database, 400 identifiers per query (with the older form a member
 *    id may be stored under), and cache their answers (on the list or not).
 */
export async function checkEntries(options: { teamId: string; urls: string[] }): Promise<CheckEntriesResult> {
  const identifiers = options.urls.map((url) => parseLinkedInIdentifier(url));
  const normalized = identifiers.map((identifier) => identifier?.canonical ?? null);
  const byCanonical = new Map<string, LinkedInIdentifier>();
  for (const identifier of identifiers) if (identifier) byCanonical.set(identifier.canonical, identifier);
  const unique = [...byCanonical.keys()];

  const cache = getTeamCache();
  const lookups = await cache.lookupMany<CachedCheck>(
    options.teamId,
    unique.map((url) => `check:${url}`),
  );
  const answers = new Map<string, CachedCheck>();
  const misses: { url: string; key: string | null }[] = [];
  unique.forEach((url, index) => {
    const lookup = lookups[index]!;
    if (lookup.value) answers.set(url, lookup.value);
    else misses.push({ url, key: lookup.key });
  });

  if (misses.length > 0) {
    const db = await getDb();
    const found = new Map<string, EntryRow>();
    for (let start = 0; start < misses.length; start += URLS_PER_QUERY) {
      const urls = misses.slice(start, start + URLS_PER_QUERY).flatMap((miss) => storedForms(byCanonical.get(miss.url)!));
      const rows = await db.$queryRaw<EntryRow[]>`
        SELECT ${ENTRY_COLUMNS} FROM "DncEntry" WHERE "teamId" = ${options.teamId} AND "url" IN (${Prisma.join(urls)})`;
      for (const row of rows) found.set(row.url, row);
    }
    const fresh = misses.map((miss): [string | null, CachedCheck] => {
      const row = storedForms(byCanonical.get(miss.url)!)
        .map((form) => found.get(form))
        .find(Boolean);
      const answer = { entry: row ? serializeEntry(row) : null };
      answers.set(miss.url, answer);
      return [miss.key, answer];
    });
    await cache.storeMany(fresh);
  }

  let onList = 0;
  const results = options.urls.map((input, index): CheckEntriesResult["results"][number] => {
    const url = normalized[index];
    if (!url) return { url: input, error: "invalid_url" };
    const { entry } = answers.get(url)!;
    if (!entry) return { url: input, normalizedUrl: url, onList: false };
    onList += 1;
    return { url: input, normalizedUrl: url, onList: true, entry };
  });
  return { results, onList };
}
