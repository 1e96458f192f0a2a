import "server-only";
import commonPasswords from "fxa-common-password-list";
import type { ZxcvbnResult } from "@zxcvbn-ts/core";
import { AppError } from "@/lib/errors";
import { MIN_NEW_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH } from "@/lib/members/schemas";

const MAX_PASSWORD_LENGTH = 200;
/** zxcvbn's scores run 0–4; 3 is "safely unguessable": about 10^8 guesses or more. */
const MIN_SCORE = 3;
/** Shorter e-mail names and team names are not refused inside a password: "ann" or "abc" would refuse too much. */
const MIN_CONTEXT_WORD_LENGTH = 4;
/**
 * zxcvbn's matching grows steeply with length (over a second for 200 characters here, on the event
 * loop), so only the first 64 characters are estimated; a password that is strong there is strong.
 */
const ESTIMATED_LENGTH = 64;

/** Who sets the password: words from here must not be in it (NIST SP 800-63B's context-specific words). */
export type PasswordContext = { email: string; teamNames: string[] };

let estimator: Promise<(password: string, userInputs: string[]) => ZxcvbnResult> | undefined;

/** zxcvbn-ts with its common and English dictionaries (several MB): loaded on the first new password, kept for the process. */
function loadEstimator() {
  estimator ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common"), import("@zxcvbn-ts/language-en")]).then(
    ([{ zxcvbn, zxcvbnOptions }, common, en]) => {
      zxcvbnOptions.setOptions({
        maxLength: ESTIMATED_LENGTH,
        translations: en.translations,
        graphs: common.adjacencyGraphs,
        dictionary: { ...common.dictionary, ...en.dictionary },
      });
      return zxcvbn;
    },
    (error: unknown) => {
      estimator = undefined;
      throw error;
    },
  );
  return estimator;
}

/** Letters and digits only, lower-cased: "Acme Corp" is found in "acme-corp-2024". */
function squash(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

/**
 * A new password, in this order (the first failure is the message):
 * 1. 12 to 200 characters;
 * 2. not among the 50,000 most common ones (Mozilla's list), in any letter case — kept beside zxcvbn
 *    because about a quarter of its entries of 12 characters or more still score 3 there;
 * 3. not containing the e-mail address's local part or a team's name (ignoring case and punctuation);
 * 4. zxcvbn score ≥ 3, with the person's e-mail, team names and the product's name as its own
 *    dictionary, so "acme" in a password counts as a known word; zxcvbn's feedback is the message.
 * Throws `weak_password` with the reason.
 */
export async function assertStrongPassword(password: string, context: PasswordContext) {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    throw new AppError("weak_password", `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (length > MAX_PASSWORD_LENGTH)
    throw new AppError("weak_password", `The password must be at most ${MAX_PASSWORD_LENGTH} characters long`);
  if (commonPasswords.test(password) || commonPasswords.test(password.toLowerCase())) {
    throw new AppError("weak_password", "This password is one of the most common ones; choose another");
  }

  const squashed = squash(password);
  const localPart = context.email.split("@")[0] ?? "";
  const contains = (word: string) => squash(word).length >= MIN_CONTEXT_WORD_LENGTH && squashed.includes(squash(word));
  if (contains(localPart)) throw new AppError("weak_password", `The password must not contain your e-mail address's name (${localPart})`);
  const teamName = context.teamNames.find(contains);
  if (teamName !== undefined) throw new AppError("weak_password", `The password must not contain the team's name (${teamName})`);

  const userInputs = [context.email, localPart, ...localPart.split(/[^\p{L}\p{N}]+/u), "DNC Console", "dnc"];
  for (const name of context.teamNames) userInputs.push(name, squash(name), ...name.split(/[^\p{L}\p{N}]+/u));
  const { score, feedback } = (await loadEstimator())(password, userInputs.filter(Boolean));
  if (score < MIN_SCORE) {
    const advice = [feedback.warning, ...feedback.suggestions].filter(Boolean).join(" ");
    throw new AppError("weak_password", `This password is too easy to guess.${advice ? ` ${advice}` : ""}`);
  }
}
