import "server-only";
import { type CachedCheck, getTeamCache } from "@/lib/cache";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { answerCheck, type CheckInput, lookupIdentifiers, parseCheckTarget } from "./check-target";
import { findListed } from "./find-listed";

/**
 * Is this person on the team's list: by their URL or one of an entry's aliases, or, given their
 * company, domain or e-mail, by a company or domain entry? All of its identifiers are looked up in
 * the team's cache in one round trip (keyed by canonical identifier, until a change invalidates
 * them); the misses are read together.
 */
export async function checkEntry(options: { teamId: string } & CheckInput) {
  const target = parseCheckTarget(options);
  if (typeof target === "string") throw new AppError(target);

  const identifiers = lookupIdentifiers(target);
  const cache = getTeamCache();
  const lookups = await cache.lookupMany<CachedCheck>(
    options.teamId,
    identifiers.map((identifier) => `check:${identifier.canonical}`),
  );
  const answers = new Map<string, CachedCheck>();
  const misses = identifiers.filter((identifier, index) => {
    const value = lookups[index]!.value;
    if (value) answers.set(identifier.canonical, value);
    return !value;
  });
  if (misses.length > 0) {
    const found = await findListed(await getDb(), options.teamId, misses);
    for (const [canonical, answer] of found) answers.set(canonical, answer);
    await cache.storeMany(
      identifiers.flatMap((identifier, index) =>
        lookups[index]!.value ? [] : [[lookups[index]!.key, found.get(identifier.canonical)!] as [string | null, CachedCheck]],
      ),
    );
  }
  const answer = answerCheck(target, answers);
  return answer ? { onList: true as const, ...answer } : { onList: false as const };
}
