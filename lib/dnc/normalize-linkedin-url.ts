/** Longest input accepted; real profile URLs with tracking parameters stay well below it. */
export const MAX_URL_INPUT_LENGTH = 2048;
/** LinkedIn custom profile URLs are at most 100 characters. */
const MAX_SLUG_LENGTH = 100;

const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const BARE_PROFILE_PATH = /^\/?in\//i;
/** linkedin.com itself, www., m. (mobile) and two-letter country subdomains (uk., de., …). */
const LINKEDIN_HOST = /^(?:(?:www|m|[a-z]{2})\.)?linkedin\.com$/;
const PROFILE_PATH = /^\/in\/([^/]+)(?:\/.*)?$/i;
const SLUG = /^[\p{L}\p{M}\p{N}_.-]+$/u;
const SLUG_HAS_ALPHANUMERIC = /[\p{L}\p{N}]/u;

const CANONICAL_PREFIX = "https://linkedin.com/in/";

/**
 * Maps every accepted spelling of a LinkedIn profile URL to one canonical form,
 * `https://linkedin.com/in/<slug>` with the slug lower-cased (NFC, percent-encoded), or returns
 * null when the input is not a LinkedIn profile URL.
 *
 * Steps: reject control characters and over-long input → add a missing scheme (`linkedin.com/in/u`,
 * `in/u`) → parse → check scheme, host, port and credentials → take the slug from `/in/<slug>` →
 * decode, normalise and lower-case it → check its characters.
 */
export function normalizeLinkedInUrl(input: string): string | null {
  if (input.length > MAX_URL_INPUT_LENGTH || CONTROL_CHARACTERS.test(input)) return null;
  const trimmed = input.trim();
  if (trimmed === "") return null;

  let parsed: URL;
  try {
    parsed = new URL(withScheme(trimmed));
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  if (parsed.username || parsed.password || parsed.port) return null;
  if (!LINKEDIN_HOST.test(parsed.hostname)) return null;

  const encodedSlug = PROFILE_PATH.exec(parsed.pathname)?.[1];
  if (!encodedSlug) return null;
  const slug = canonicalSlug(encodedSlug);
  return slug === null ? null : CANONICAL_PREFIX + encodeURIComponent(slug);
}

/** `//host/…` and bare `linkedin.com/in/u` get https; `in/u` gets the canonical host; other schemes pass through to be refused. */
function withScheme(input: string): string {
  if (input.startsWith("//")) return `https:${input}`;
  if (BARE_PROFILE_PATH.test(input)) return CANONICAL_PREFIX + input.replace(BARE_PROFILE_PATH, "");
  return HAS_SCHEME.test(input) ? input : `https://${input}`;
}

function canonicalSlug(encoded: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return null;
  }
  const slug = decoded.normalize("NFC").toLowerCase().normalize("NFC");
  if (slug.length > MAX_SLUG_LENGTH || CONTROL_CHARACTERS.test(slug)) return null;
  if (!SLUG.test(slug) || !SLUG_HAS_ALPHANUMERIC.test(slug)) return null;
  return slug;
}
