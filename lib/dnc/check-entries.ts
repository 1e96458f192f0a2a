import "server-only";
import { type CachedCheck, getTeamCache } from "@/lib/cache";
import { getDb } from "@/lib/db";
import { findListed } from "./find-listed";
import { type LinkedInIdentifier, parseLinkedInIdentifier } from "./normalize-linkedin-url";
import type { CheckEntriesResult } from "./schemas";

/**
 * Checks many URLs at once; one result per input, in input order.
 * 1. Normalise each URL (invalid → `{url, error: "invalid_url"}`).
 * 2. Look every distinct URL up in the team's cache in one round trip — the same answers the
 *    single check reads and writes.
 * 3. Read the misses from the database, among entries' URLs and aliases (with the older form a
 *    member id may be stored under; lib/dnc/find-listed.ts), and cache their answers (on the list
 *    or not).
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
    const found = await findListed(
      await getDb(),
      options.teamId,
      misses.map((miss) => byCanonical.get(miss.url)!),
    );
    const fresh = misses.map((miss): [string | null, CachedCheck] => {
      const answer = found.get(miss.url)!;
      answers.set(miss.url, answer);
      return [miss.key, answer];
    });
    await cache.storeMany(fresh);
  }

  let onList = 0;
  const results = options.urls.map((input, index): CheckEntriesResult["results"][number] => {
    const url = normalized[index];
    if (!url) return { url: input, error: "invalid_url" };
    const { entry, matchedBy } = answers.get(url)!;
    if (!entry) return { url: input, normalizedUrl: url, onList: false };
    onList += 1;
    return { url: input, normalizedUrl: url, onList: true, entry, ...(matchedBy ? { matchedBy } : {}) };
  });
  return { results, onList };
}
