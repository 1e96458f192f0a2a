import "server-only";
import { AppError } from "@/lib/errors";
import { answerCheck, type CheckInput, lookupIdentifiers, parseCheckTarget } from "./check-target";
import { checkAnswers } from "./find-listed";

/**
 * Is this person on the team's list: by their URL or one of an entry's aliases, or, given their
 * company, domain or e-mail, by a company or domain entry? All of its identifiers are answered
 * together (lib/dnc/find-listed.ts: one cache round trip, the misses read at once).
 */
export async function checkEntry(options: { teamId: string } & CheckInput) {
  const target = parseCheckTarget(options);
  if (typeof target === "string") throw new AppError(target);
  const answer = answerCheck(target, await checkAnswers(options.teamId, lookupIdentifiers(target)));
  return answer ? { onList: true as const, ...answer } : { onList: false as const };
}
