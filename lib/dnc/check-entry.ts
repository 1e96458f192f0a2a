import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { readView } from "@/lib/clients/client-scope";
import { AppError } from "@/lib/errors";
import { answerCheck, type CheckInput, lookupIdentifiers, parseCheckTarget } from "./check-target";
import { checkAnswers } from "./find-listed";

/**
 * Is this person on the team's list (the caller's view of it: lib/clients/client-scope.ts): by their URL or one of an entry's aliases, or, given their
 * company, domain or e-mail, by a company or domain entry? All of its identifiers are answered
 * together (lib/dnc/find-listed.ts: one cache round trip, the misses read at once).
 */
export async function checkEntry(options: { caller: Caller; client?: string } & CheckInput) {
  const target = parseCheckTarget(options);
  if (typeof target === "string") throw new AppError(target);
  const view = await readView(options.caller, options.client);
  const answer = answerCheck(target, await checkAnswers(options.caller.teamId, lookupIdentifiers(target), view));
  return answer ? { onList: true as const, ...answer } : { onList: false as const };
}
