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
/** Sales Navigator leads and people: the id is what comes before the first comma (`,NAME_SEARCH,…`). */
const SALES_NAVIGATOR_PATH = /^\/sales\/(?:lead|people)\/([^/]+)(?:\/.*)?$/i;
const RECRUITER_PATH = /^\/talent\/profile\/([^/]+)(?:\/.*)?$/i;
/** A member's profile id as `/in/` URLs and `urn:li:fsd_profile:` carry it; case matters in it. */
const MEMBER_ID = /^ACoAA[A-Za-z0-9_-]{10,95}$/;
/** Sales Navigator and Recruiter ids: opaque, case-sensitive. */
const OPAQUE_ID = /^[A-Za-z0-9_-]{6,100}$/;
const MEMBER_URN = /^urn:li:member:(\d{1,20})$/i;
const PROFILE_URN = /^urn:li:fsd_profile:([^\s]+)$/i;
const SLUG = /^[\p{L}\p{M}\p{N}_.-]+$/u;
const SLUG_HAS_ALPHANUMERIC = /[\p{L}\p{N}]/u;

const CANONICAL_PREFIX = "https://linkedin.com/in/";
const SALES_NAVIGATOR_PREFIX = "https://linkedin.com/sales/lead/";
const RECRUITER_PREFIX = "https://linkedin.com/talent/profile/";

/** How a person is named: a vanity slug, a member id, a Sales Navigator or Recruiter id, a member number. */
export type IdentifierShape = "vanity" | "member_id" | "sales_navigator" | "recruiter" | "member_urn";

export type LinkedInIdentifier = {
  canonical: string;
  shape: IdentifierShape;
  /**
   * Member ids were lower-cased like slugs until they kept their case: an entry stored then holds
   * this form, so a check looks for it too.
   */
  legacy?: string;
};

/**
 * Maps every accepted spelling of a LinkedIn identifier of a person to one canonical form, or
 * returns null when the input is not one:
 * - `/in/<slug>` → `https://linkedin.com/in/<slug>`, the slug lower-cased (NFC, percent-encoded);
 * - `/in/ACoAA…` and `urn:li:fsd_profile:ACoAA…` → `https://linkedin.com/in/ACoAA…`, case kept;
 * - Sales Navigator `/sales/lead/<id>,…` and `/sales/people/<id>,…` → `https://linkedin.com/sales/lead/<id>`;
 * - Recruiter `/talent/profile/<id>` → `https://linkedin.com/talent/profile/<id>`;
 * - `urn:li:member:<n>` → `urn:li:member:<n>`.
 *
 * Steps: reject control characters and over-long input → URNs → add a missing scheme
 * (`linkedin.com/in/u`, `in/u`) → parse → check scheme, host, port and credentials → read the
 * path's identifier → decode it and check its characters.
 */
export function parseLinkedInIdentifier(input: string): LinkedInIdentifier | null {
  if (input.length > MAX_URL_INPUT_LENGTH || CONTROL_CHARACTERS.test(input)) return null;
  const trimmed = input.trim();
  if (trimmed === "") return null;

  const memberNumber = MEMBER_URN.exec(trimmed)?.[1];
  if (memberNumber) return { canonical: `urn:li:member:${BigInt(memberNumber)}`, shape: "member_urn" };
  const profileUrnId = PROFILE_URN.exec(trimmed)?.[1];
  if (profileUrnId !== undefined) return MEMBER_ID.test(profileUrnId) ? memberId(profileUrnId) : null;

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
  if (encodedSlug) {
    const decoded = decodeSegment(encodedSlug);
    if (decoded !== null && MEMBER_ID.test(decoded)) return memberId(decoded);
    const slug = decoded === null ? null : canonicalSlug(decoded);
    return slug === null ? null : { canonical: CANONICAL_PREFIX + encodeURIComponent(slug), shape: "vanity" };
  }
  const salesId = opaqueId(SALES_NAVIGATOR_PATH.exec(parsed.pathname)?.[1], { beforeComma: true });
  if (salesId) return { canonical: SALES_NAVIGATOR_PREFIX + salesId, shape: "sales_navigator" };
  const recruiterId = opaqueId(RECRUITER_PATH.exec(parsed.pathname)?.[1], { beforeComma: false });
  if (recruiterId) return { canonical: RECRUITER_PREFIX + recruiterId, shape: "recruiter" };
  return null;
}

/** The forms an entry of this identifier may be stored under, the canonical one first. */
export function storedForms(identifier: Pick<LinkedInIdentifier, "canonical" | "legacy">): string[] {
  return identifier.legacy === undefined ? [identifier.canonical] : [identifier.canonical, identifier.legacy];
}

/** The forms an identifier kept in its canonical form may be stored under (storedForms); itself for a company or domain. */
export function formsOfCanonical(canonical: string): string[] {
  const identifier = parseLinkedInIdentifier(canonical);
  return identifier?.canonical === canonical ? storedForms(identifier) : [canonical];
}

/**
 * An identifier given as a path segment (DELETE /dnc/{id}/aliases/{url}): any accepted spelling,
 * percent-encoded once, which the framework decodes, or twice, by clients that encode an encoded
 * value again; this tries the segment as it came, then decoded once more.
 */
export function parseIdentifierSegment(segment: string): LinkedInIdentifier | null {
  return parseLinkedInIdentifier(segment) ?? (segment.includes("%") ? parseLinkedInIdentifier(decodeSegment(segment) ?? "") : null);
}

/** The canonical form of any accepted identifier, or null: what entries store and checks compare. */
export function normalizeLinkedInUrl(input: string): string | null {
  return parseLinkedInIdentifier(input)?.canonical ?? null;
}

function memberId(id: string): LinkedInIdentifier {
  return { canonical: CANONICAL_PREFIX + id, shape: "member_id", legacy: CANONICAL_PREFIX + id.toLowerCase() };
}

function opaqueId(encoded: string | undefined, options: { beforeComma: boolean }): string | null {
  if (!encoded) return null;
  const decoded = decodeSegment(encoded);
  const id = options.beforeComma ? decoded?.split(",")[0] : decoded;
  return id !== undefined && id !== null && OPAQUE_ID.test(id) ? id : null;
}

function decodeSegment(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

/** `//host/…` and bare `linkedin.com/in/u` get https; `in/u` gets the canonical host; other schemes pass through to be refused. */
function withScheme(input: string): string {
  if (input.startsWith("//")) return `https:${input}`;
  if (BARE_PROFILE_PATH.test(input)) return CANONICAL_PREFIX + input.replace(BARE_PROFILE_PATH, "");
  return HAS_SCHEME.test(input) ? input : `https://${input}`;
}

function canonicalSlug(decoded: string): string | null {
  const slug = decoded.normalize("NFC").toLowerCase().normalize("NFC");
  if (slug.length > MAX_SLUG_LENGTH || CONTROL_CHARACTERS.test(slug)) return null;
  if (!SLUG.test(slug) || !SLUG_HAS_ALPHANUMERIC.test(slug)) return null;
  return slug;
}
