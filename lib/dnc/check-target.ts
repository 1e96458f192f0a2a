import type { CachedCheck } from "@/lib/cache";
import type { ErrorCode } from "@/lib/errors";
import { domainEntryMatches, domainLookupKeys, domainOfEmail, normalizeCompany, normalizeDomain } from "./company-and-domain";
import { type LinkedInIdentifier, parseLinkedInIdentifier } from "./normalize-linkedin-url";
import type { DncEntryDto, MatchedBy } from "./schemas";

/** What a check names: a person's identifier and, as context, their company and domain (or e-mail). */
export type CheckInput = { url?: string; company?: string; domain?: string; email?: string };

export type CheckTarget = {
  profile: LinkedInIdentifier | null;
  company: string | null;
  /** The domain given and the e-mail's, canonical, without repeats. */
  domains: string[];
  /** Whether context came with the URL: then every hit says how it matched. */
  withContext: boolean;
};

export type CheckError = Extract<ErrorCode, "missing_url" | "invalid_url" | "invalid_company" | "invalid_domain" | "invalid_email">;

/** The identifiers a check reads, canonical, or the error for the first malformed one. */
export function parseCheckTarget(input: CheckInput): CheckTarget | CheckError {
  const withContext = input.company !== undefined || input.domain !== undefined || input.email !== undefined;
  if (input.url === undefined && !withContext) return "missing_url";
  const profile = input.url === undefined ? null : parseLinkedInIdentifier(input.url);
  if (input.url !== undefined && profile === null) return "invalid_url";
  const company = input.company === undefined ? null : normalizeCompany(input.company, { bareSlug: true });
  if (input.company !== undefined && company === null) return "invalid_company";
  const domain = input.domain === undefined ? null : normalizeDomain(input.domain);
  if (input.domain !== undefined && domain === null) return "invalid_domain";
  const emailDomain = input.email === undefined ? null : domainOfEmail(input.email);
  if (input.email !== undefined && emailDomain === null) return "invalid_email";
  const domains = [...new Set([domain, emailDomain].filter((value): value is string => value !== null))];
  return { profile, company, domains, withContext };
}

/** Every identifier whose entry could answer the check: the person's, the company's, each domain and its parents. */
export function lookupIdentifiers(target: CheckTarget): Pick<LinkedInIdentifier, "canonical" | "legacy">[] {
  return [
    ...(target.profile ? [target.profile] : []),
    ...(target.company ? [{ canonical: target.company }] : []),
    ...target.domains.flatMap(domainLookupKeys).map((canonical) => ({ canonical })),
  ];
}

export type CheckAnswer = { entry: DncEntryDto; matchedBy?: MatchedBy } | null;

/**
 * The entry that answers the check, from the answers of its identifiers: the person's own entry
 * (by URL or alias) first, then the company's, then the most specific domain entry that matches
 * (itself, or a parent that includes subdomains).
 */
export function answerCheck(target: CheckTarget, answers: Map<string, CachedCheck>): CheckAnswer {
  const person = target.profile ? answers.get(target.profile.canonical) : undefined;
  if (person?.entry) {
    const matchedBy = person.matchedBy ?? (target.withContext ? "url" : undefined);
    return { entry: person.entry, ...(matchedBy ? { matchedBy } : {}) };
  }
  const company = target.company ? answers.get(target.company)?.entry : null;
  if (company?.kind === "company") return { entry: company, matchedBy: "company" };
  for (const domain of target.domains) {
    for (const key of domainLookupKeys(domain)) {
      const entry = answers.get(key)?.entry;
      if (
        entry?.kind === "domain" &&
        domainEntryMatches({ domain: entry.url, includeSubdomains: entry.includeSubdomains === true }, domain)
      )
        return { entry, matchedBy: "domain" };
    }
  }
  return null;
}
