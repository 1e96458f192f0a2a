import "server-only";
import { type CachedCheck, getTeamCache } from "@/lib/cache";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { findListed } from "./find-listed";
import { parseLinkedInIdentifier } from "./normalize-linkedin-url";

/**
 * Is this URL on the team's list, as an entry's URL or one of its aliases? Answers come from the
 * team's cache (keyed by the canonical identifier) until a change invalidates it.
 */
export async function checkEntry(options: { teamId: string; url: string }) {
  const identifier = parseLinkedInIdentifier(options.url);
  if (!identifier) throw new AppError("invalid_url");

  const cache = getTeamCache();
  const lookup = await cache.lookup<CachedCheck>(options.teamId, `check:${identifier.canonical}`);
  let answer = lookup.value;
  if (!answer) {
    const found = await findListed(await getDb(), options.teamId, [identifier]);
    answer = found.get(identifier.canonical)!;
    await cache.store(lookup.key, answer);
  }
  if (!answer.entry) return { onList: false as const };
  return { onList: true as const, entry: answer.entry, ...(answer.matchedBy ? { matchedBy: answer.matchedBy } : {}) };
}
