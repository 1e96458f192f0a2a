import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { readView } from "@/lib/clients/client-scope";
import { answerCheck, lookupIdentifiers, parseCheckTarget } from "./check-target";
import { checkAnswers } from "./find-listed";
import type { CheckEntriesResult, CheckItem } from "./schemas";

/**
 * Checks many people at once; one result per input, in input order. An input is a URL or an object
 * with a URL and the person's company, domain or e-mail.
 * 1. Normalise each input (malformed → `{url, error}`).
 * 2. Answer every distinct identifier of every input together, as the single check does
 *    (lib/dnc/find-listed.ts: one cache round trip, the misses read among entries' URLs and aliases
 *    and cached, on the list or not).
 */
export async function checkEntries(options: { caller: Caller; client?: string; urls: CheckItem[] }): Promise<CheckEntriesResult> {
  const view = await readView(options.caller, options.client);
  const targets = options.urls.map((item) => parseCheckTarget(typeof item === "string" ? { url: item } : item));
  const identifiers = new Map(
    targets
      .flatMap((target) => (typeof target === "string" ? [] : lookupIdentifiers(target)))
      .map((identifier) => [identifier.canonical, identifier]),
  );
  const answers = await checkAnswers(options.caller.teamId, [...identifiers.values()], view);

  const results = options.urls.map((item, index): CheckEntriesResult["results"][number] => {
    const url = (typeof item === "string" ? item : item.url) ?? "";
    const target = targets[index]!;
    if (typeof target === "string") return { url, error: target };
    const normalizedUrl = target.profile?.canonical ?? "";
    const answer = answerCheck(target, answers);
    return answer ? { url, normalizedUrl, onList: true, ...answer } : { url, normalizedUrl, onList: false };
  });
  return { results, onList: results.filter((result) => "onList" in result && result.onList).length };
}
