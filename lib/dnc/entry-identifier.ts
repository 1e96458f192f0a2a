import type { ErrorCode } from "@/lib/errors";
import { normalizeCompany, normalizeDomain } from "./company-and-domain";
import { type IdentifierShape, normalizeLinkedInUrl, parseLinkedInIdentifier } from "./normalize-linkedin-url";
import type { EntryKind } from "./schemas";

/** What an entry is stored under: its kind, its canonical identifier (`url`), and for a domain whether subdomains match. */
export type EntryIdentifier = { kind: EntryKind; url: string; includeSubdomains: boolean };

export type EntryIdentifierInput = { url?: string; kind?: EntryKind; domain?: string; includeSubdomains?: boolean };

/**
 * The entry an add names, or the error to answer:
 * - `{url}`: a profile identifier, as Kakiyo takes it (a company page is `invalid_url` there);
 * - `{kind: "company", url}`: a company page (`linkedin.com/company/<slug-or-id>`), said on purpose, so
 *   a Kakiyo client's company URL sent by mistake is refused as Kakiyo would;
 * - `{kind: "domain", domain, includeSubdomains?}` (or the domain in `url`): a domain, `includeSubdomains`
 *   false unless asked.
 */
export function parseEntryIdentifier(input: EntryIdentifierInput): EntryIdentifier | ErrorCode {
  if (input.kind === "domain" || (input.kind === undefined && input.domain !== undefined)) {
    const text = input.domain ?? input.url;
    if (text === undefined || text.trim() === "") return "missing_domain";
    const domain = normalizeDomain(text);
    return domain === null ? "invalid_domain" : { kind: "domain", url: domain, includeSubdomains: input.includeSubdomains ?? false };
  }
  if (input.url === undefined || input.url.trim() === "") return "missing_url";
  if (input.kind === "company") {
    const company = normalizeCompany(input.url);
    return company === null ? "invalid_url" : { kind: "company", url: company, includeSubdomains: false };
  }
  const profile = normalizeLinkedInUrl(input.url);
  return profile === null ? "invalid_url" : { kind: "profile", url: profile, includeSubdomains: false };
}

/** What a text typed into the dashboard's Add box names, and the body that adds it. */
export type RecognisedEntry = { canonical: string; label: string; body: EntryIdentifierInput };

/** How the dashboard names what it recognised, so a pasted Sales Navigator link is seen to be one. */
export const IDENTIFIER_SHAPE_LABELS: Record<IdentifierShape, string> = {
  vanity: "profile",
  member_id: "member-id profile",
  sales_navigator: "Sales Navigator lead",
  recruiter: "Recruiter profile",
  member_urn: "member URN",
};

/**
 * Infers the kind of entry from the text alone, as the Add dialog does: a profile identifier first,
 * then a company page, then a domain (never LinkedIn's own: a mistyped profile URL must not become
 * a block on linkedin.com). Null when it is none of them.
 */
export function recogniseEntry(text: string, options: { includeSubdomains: boolean }): RecognisedEntry | null {
  const profile = parseLinkedInIdentifier(text);
  if (profile) return { canonical: profile.canonical, label: IDENTIFIER_SHAPE_LABELS[profile.shape], body: { url: text } };
  const company = normalizeCompany(text);
  if (company) return { canonical: company, label: "company page", body: { kind: "company", url: text } };
  const domain = normalizeDomain(text);
  if (domain && domain !== "linkedin.com" && !domain.endsWith(".linkedin.com"))
    return { canonical: domain, label: "domain", body: { kind: "domain", domain: text, includeSubdomains: options.includeSubdomains } };
  return null;
}
