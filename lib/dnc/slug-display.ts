/**
 * How a profile URL is shown to people, and what to warn them about. Display only: the API's
 * objects and the stored, canonical URL never change.
 */

/** Scripts whose letters look alike (Latin o, Cyrillic о, Greek ο): one slug mixing them may imitate another. */
const LOOKALIKE_SCRIPTS = [
  { script: "Latin", letter: /\p{Script=Latin}/u },
  { script: "Cyrillic", letter: /\p{Script=Cyrillic}/u },
  { script: "Greek", letter: /\p{Script=Greek}/u },
] as const;
export type LookalikeScript = (typeof LOOKALIKE_SCRIPTS)[number]["script"];

/** Each script the slug uses, with its distinct letters, the script with most letters first. */
export type ScriptMix = { script: LookalikeScript; letters: string[] }[];

/** Real text rarely stacks more non-spacing marks on one letter than this (Hebrew points, Thai vowel + tone). */
export const MAX_STACKED_MARKS = 3;
const STACKING_MARK = /[\p{Mn}\p{Me}]/u;

/** The slug's Latin, Cyrillic and Greek letters by script when it has letters of two or more of them; otherwise null. */
export function mixedScripts(slug: string): ScriptMix | null {
  const letters = new Map<LookalikeScript, Set<string>>();
  for (const char of slug) {
    const script = LOOKALIKE_SCRIPTS.find((s) => s.letter.test(char))?.script;
    if (!script) continue;
    const seen = letters.get(script) ?? new Set<string>();
    letters.set(script, seen.add(char));
  }
  if (letters.size < 2) return null;
  return [...letters].map(([script, set]) => ({ script, letters: [...set] })).sort((a, b) => b.letters.length - a.letters.length);
}

/** "Latin and Cyrillic letters (Cyrillic: о)": the scripts, and the letters of all but the main one. */
export function describeScriptMix(mix: ScriptMix): string {
  const names = mix.map((m) => m.script);
  const scripts = names.length === 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  const odd = mix
    .slice(1)
    .map((m) => `${m.script}: ${m.letters.join(" ")}`)
    .join("; ");
  return `${scripts} letters (${odd})`;
}

/** Keeps at most MAX_STACKED_MARKS combining marks on each letter, so a flood of them cannot spill over the page. */
export function limitStackedMarks(text: string): { text: string; removed: number } {
  let kept = "";
  let removed = 0;
  let stacked = 0;
  for (const char of text) {
    stacked = STACKING_MARK.test(char) ? stacked + 1 : 0;
    if (stacked > MAX_STACKED_MARKS) removed += 1;
    else kept += char;
  }
  return { text: kept, removed };
}

export type ProfileUrlDisplay = {
  /** The URL with its slug decoded (…/in/élodie, not …/in/%C3%A9lodie) and stacked marks limited. */
  text: string;
  /** `text` split where entries start to differ: the prefix every entry of its kind shares, and the part that tells it apart. */
  prefix: string;
  key: string;
  /** Set when the slug mixes lookalike scripts. */
  scripts: ScriptMix | null;
  /** Combining marks left out of `text`. */
  marksRemoved: number;
};

/**
 * The shared starts of canonical URLs, longest first: a profile's or company's slug is what tells it
 * apart (the kind badge says which it is); a Sales Navigator or Recruiter id keeps its path, so it is
 * not read as a profile's slug. A domain or member URN has no prefix.
 */
const SHARED_PREFIXES = ["https://linkedin.com/in/", "https://linkedin.com/company/", "https://linkedin.com/"];

/** What to show for a canonical profile URL (https://linkedin.com/in/<percent-encoded slug>). */
export function displayProfileUrl(url: string): ProfileUrlDisplay {
  const decoded = decode(url);
  const slugAt = decoded.indexOf("/in/");
  const slug = slugAt >= 0 ? decoded.slice(slugAt + "/in/".length) : "";
  const limited = limitStackedMarks(decoded);
  const prefix = SHARED_PREFIXES.find((start) => limited.text.startsWith(start) && limited.text.length > start.length) ?? "";
  return {
    text: limited.text,
    prefix,
    key: limited.text.slice(prefix.length),
    scripts: mixedScripts(slug),
    marksRemoved: limited.removed,
  };
}

function decode(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}
