/** Longest input accepted, as for profile URLs. */
const MAX_INPUT_LENGTH = 2048;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const LINKEDIN_HOST = /^(?:(?:www|m|[a-z]{2})\.)?linkedin\.com$/;
/** `/company/<slug-or-id>` and Sales Navigator's `/sales/company/<id>`, with any trailing section. */
const COMPANY_PATH = /^\/(?:sales\/)?company\/([^/]+)(?:\/.*)?$/i;
const COMPANY_URN = /^urn:li:(?:company|organization|fsd_company):(\d{1,20})$/i;
/** Company slugs: letters, digits, `-` and `_` (LinkedIn's own), at most 100. */
const COMPANY_SLUG = /^[\p{L}\p{N}_-]{1,100}$/u;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
const DOMAIN_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const COMPANY_PREFIX = "https://linkedin.com/company/";

/**
 * A LinkedIn company page in one canonical form, `https://linkedin.com/company/<slug-or-id>` (the
 * slug lower-cased, as LinkedIn treats it), or null. Accepts any spelling of the page's URL
 * (subdomains, no scheme, trailing sections such as `/about/`), Sales Navigator's
 * `/sales/company/<id>`, `urn:li:company:<id>` and `urn:li:organization:<id>`; with `bareSlug`, a
 * slug on its own (the check's `company=` context).
 */
export function normalizeCompany(input: string, options: { bareSlug?: boolean } = {}): string | null {
  const trimmed = input.trim();
  if (trimmed === "" || trimmed.length > MAX_INPUT_LENGTH || CONTROL_CHARACTERS.test(trimmed)) return null;
  const urnId = COMPANY_URN.exec(trimmed)?.[1];
  if (urnId) return COMPANY_PREFIX + BigInt(urnId).toString();
  if (options.bareSlug && !trimmed.includes("/") && !trimmed.includes(":")) return companyPage(trimmed);

  let parsed: URL;
  try {
    parsed = new URL(HAS_SCHEME.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/\//, "")}`);
  } catch {
    return null;
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
  if (parsed.username || parsed.password || parsed.port || !LINKEDIN_HOST.test(parsed.hostname)) return null;
  const segment = COMPANY_PATH.exec(parsed.pathname)?.[1];
  if (!segment) return null;
  try {
    return companyPage(decodeURIComponent(segment));
  } catch {
    return null;
  }
}

function companyPage(slug: string): string | null {
  const canonical = slug.normalize("NFC").toLowerCase();
  if (!COMPANY_SLUG.test(canonical) || !/[\p{L}\p{N}]/u.test(canonical)) return null;
  return COMPANY_PREFIX + encodeURIComponent(canonical);
}

/**
 * An internet domain in one canonical form: lower-case ASCII (internationalised names in punycode),
 * no trailing dot, no leading `www.`, or null. Accepts a bare domain (`Acme.COM`), a URL
 * (`https://www.acme.com/pricing`), or a domain with a trailing dot. Refuses IP addresses, single
 * labels (`localhost`, `com`) and malformed labels: a domain entry must name an organisation.
 */
export function normalizeDomain(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === "" || trimmed.length > MAX_INPUT_LENGTH || CONTROL_CHARACTERS.test(trimmed)) return null;
  let host = trimmed;
  if (HAS_SCHEME.test(trimmed) || trimmed.includes("/")) {
    try {
      const parsed = new URL(HAS_SCHEME.test(trimmed) ? trimmed : `https://${trimmed.replace(/^\/\//, "")}`);
      if (parsed.username || parsed.password) return null;
      host = parsed.hostname;
    } catch {
      return null;
    }
  }
  const ascii = hostToAscii(host.replace(/\.$/, ""));
  if (ascii === "" || ascii.length > 253 || IPV4.test(ascii)) return null;
  const domain = ascii.replace(/^www\./, "");
  const labels = domain.split(".");
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (/^\d+$/.test(labels.at(-1)!)) return null;
  return domain;
}

/** The WHATWG URL parser's host, the same in Node and browsers (IDNA to punycode), or "" for none. */
function hostToAscii(host: string): string {
  if (host === "" || /[/?#@:\s]/.test(host)) return "";
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return "";
  }
}

/** The domain of an e-mail address (the part after its last `@`), or null. */
export function domainOfEmail(email: string): string | null {
  const trimmed = email.trim();
  const at = trimmed.lastIndexOf("@");
  if (at <= 0 || at === trimmed.length - 1 || /\s/.test(trimmed)) return null;
  return normalizeDomain(trimmed.slice(at + 1));
}

/**
 * The domains a domain entry may be stored under to match `domain`: the domain itself (any entry)
 * and each parent that still has two labels (entries that include subdomains). `a.b.acme.com` →
 * [`a.b.acme.com`, `b.acme.com`, `acme.com`]. Never a domain that merely ends with the same
 * letters: `notacme.com` is not a parent of anything of `acme.com`.
 */
export function domainLookupKeys(domain: string): string[] {
  const labels = domain.split(".");
  return labels.slice(0, -1).map((_, index) => labels.slice(index).join("."));
}

/** Whether a domain entry matches `domain`: itself, or a subdomain of it when it includes subdomains. */
export function domainEntryMatches(entry: { domain: string; includeSubdomains: boolean }, domain: string): boolean {
  return domain === entry.domain || (entry.includeSubdomains && domain.endsWith(`.${entry.domain}`));
}
