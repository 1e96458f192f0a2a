import "server-only";
import { type CachedCheck, getTeamCache } from "@/lib/cache";
import { getDb } from "@/lib/db";
import { answerCheck, type CheckTarget, lookupIdentifiers, parseCheckTarget } from "./check-target";
import { findListed } from "./find-listed";
import type { CheckEntriesResult, CheckItem } from "./schemas";

/**
 * Checks many people at once; one result per input, in input order. An input is a URL or an object
 * with a URL and the person's company, domain or e-mail.
 * 1. Normalise each input (malformed → `{url, error}`).
 * 2. Look every distinct identifier of every input up in the team's cache in one round trip — the
 *    same answers the single check reads and writes.
 * 3. Read the misses from the database, among entries' URLs and aliases (with the older form a
 *    member id may be stored under; lib/dnc/find-listed.ts), and cache their answers (on the list
 *    or not).
 */
export async function checkEntries(options: { teamId: string; urls: CheckItem[] }): Promise<CheckEntriesResult> {
  const targets = options.urls.map((item) => parseCheckTarget(typeof item === "string" ? { url: item } : item));
  const identifiers = new Map(
    targets
      .flatMap((target) => (typeof target === "string" ? [] : lookupIdentifiers(target)))
      .map((identifier) => [identifier.canonical, identifier]),
  );
  const unique = [...identifiers.values()];

  const cache = getTeamCache();
  const lookups = await cache.lookupMany<CachedCheck>(
    options.teamId,
    unique.map((identifier) => `check:${identifier.canonical}`),
  );
  const answers = new Map<string, CachedCheck>();
  const misses: { identifier: (typeof unique)[number]; key: string | null }[] = [];
  unique.forEach((identifier, index) => {
    const lookup = lookups[index]!;
    if (lookup.value) answers.set(identifier.canonical, lookup.value);
    else misses.push({ identifier, key: lookup.key });
  });

  if (misses.length > 0) {
    const found = await findListed(
      await getDb(),
      options.teamId,
      misses.map((miss) => miss.identifier),
    );
    const fresh = misses.map((miss): [string | null, CachedCheck] => {
      const answer = found.get(miss.identifier.canonical)!;
      answers.set(miss.identifier.canonical, answer);
      return [miss.key, answer];
    });
    await cache.storeMany(fresh);
  }

  let onList = 0;
  const results = options.urls.map((item, index): CheckEntriesResult["results"][number] => {
    const input = (typeof item === "string" ? item : item.url) ?? "";
    const target = targets[index]!;
    if (typeof target === "string") return { url: input, error: target };
    return result(input, target, answerCheck(target, answers), () => (onList += 1));
  });
  return { results, onList };
}

function result(
  input: string,
  target: CheckTarget,
  answer: ReturnType<typeof answerCheck>,
  counted: () => void,
): CheckEntriesResult["results"][number] {
  const normalizedUrl = target.profile?.canonical ?? "";
  if (!answer) return { url: input, normalizedUrl, onList: false };
  counted();
  return { url: input, normalizedUrl, onList: true, ...answer };
}
