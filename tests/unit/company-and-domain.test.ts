import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { domainEntryMatches, domainLookupKeys, domainOfEmail, normalizeCompany, normalizeDomain } from "@/lib/dnc/company-and-domain";

describe("normalizeCompany", () => {
  it.each([
    ["https://www.linkedin.com/company/acme-corp/", "https://linkedin.com/company/acme-corp"],
    ["https://www.linkedin.com/company/Acme-Corp/about/", "https://linkedin.com/company/acme-corp"],
    ["linkedin.com/company/acme-corp?trk=public_profile_topcard", "https://linkedin.com/company/acme-corp"],
    ["https://uk.linkedin.com/company/acme-corp/people/", "https://linkedin.com/company/acme-corp"],
    ["https://www.linkedin.com/company/1035/", "https://linkedin.com/company/1035"],
    ["https://www.linkedin.com/sales/company/1035", "https://linkedin.com/company/1035"],
    ["urn:li:company:1035", "https://linkedin.com/company/1035"],
    ["urn:li:organization:01035", "https://linkedin.com/company/1035"],
    [
      "https://www.linkedin.com/company/soci%C3%A9t%C3%A9-g%C3%A9n%C3%A9rale/",
      "https://linkedin.com/company/soci%C3%A9t%C3%A9-g%C3%A9n%C3%A9rale",
    ],
  ])("accepts %j as %s", (input, expected) => {
    expect(normalizeCompany(input)).toBe(expected);
  });

  it.each([
    "https://www.linkedin.com/in/jane-doe",
    "https://www.linkedin.com/company/",
    "https://example.com/company/acme",
    "https://linkedin.com.evil.com/company/acme",
    "https://www.linkedin.com/company/a%20b",
    "https://www.linkedin.com/company/---",
    "acme-corp",
    "",
  ])("refuses %j", (input) => {
    expect(normalizeCompany(input)).toBeNull();
  });

  it("takes a bare slug only where asked (the check's company context)", () => {
    expect(normalizeCompany("Acme-Corp", { bareSlug: true })).toBe("https://linkedin.com/company/acme-corp");
    expect(normalizeCompany("1035", { bareSlug: true })).toBe("https://linkedin.com/company/1035");
    expect(normalizeCompany("acme corp", { bareSlug: true })).toBeNull();
  });
});

describe("normalizeDomain", () => {
  it.each([
    ["acme.com", "acme.com"],
    ["Acme.COM", "acme.com"],
    ["www.acme.com", "acme.com"],
    ["acme.com.", "acme.com"],
    ["https://www.acme.com/pricing?x=1", "acme.com"],
    ["http://mail.acme.co.uk", "mail.acme.co.uk"],
    ["//acme.com/x", "acme.com"],
    ["bücher.de", "xn--bcher-kva.de"],
    ["xn--bcher-kva.de", "xn--bcher-kva.de"],
  ])("accepts %j as %s", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each([
    "",
    "localhost",
    "com",
    "127.0.0.1",
    "http://10.0.0.1/",
    "-acme.com",
    "acme-.com",
    "ac me.com",
    "acme..com",
    "https://u:p@acme.com",
    "acme.123",
  ])("refuses %j", (input) => {
    expect(normalizeDomain(input)).toBeNull();
  });
});

describe("domainOfEmail", () => {
  it("takes the domain after the last @", () => {
    expect(domainOfEmail("Jane.Doe@Mail.Acme.com")).toBe("mail.acme.com");
    expect(domainOfEmail('"odd@local"@acme.com')).toBe("acme.com");
    expect(domainOfEmail("jane@")).toBeNull();
    expect(domainOfEmail("@acme.com")).toBeNull();
    expect(domainOfEmail("no-at-sign")).toBeNull();
  });
});

describe("domain matching", () => {
  it("looks up the domain and every parent with two labels or more", () => {
    expect(domainLookupKeys("a.b.acme.com")).toEqual(["a.b.acme.com", "b.acme.com", "acme.com"]);
    expect(domainLookupKeys("acme.com")).toEqual(["acme.com"]);
  });

  it("matches itself always, subdomains only when asked, and never a domain that merely ends with the same letters", () => {
    const exact = { domain: "acme.com", includeSubdomains: false };
    const withSubdomains = { domain: "acme.com", includeSubdomains: true };
    expect(domainEntryMatches(exact, "acme.com")).toBe(true);
    expect(domainEntryMatches(exact, "mail.acme.com")).toBe(false);
    expect(domainEntryMatches(withSubdomains, "mail.acme.com")).toBe(true);
    expect(domainEntryMatches(withSubdomains, "notacme.com")).toBe(false);
    expect(domainEntryMatches(withSubdomains, "acme.com.evil.net")).toBe(false);
  });

  it("a domain entry is found by its lookup keys exactly when it matches (property)", () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}$/);
    const domain = fc.array(label, { minLength: 2, maxLength: 5 }).map((labels) => labels.join("."));
    fc.assert(
      fc.property(domain, domain, fc.boolean(), (entryDomain, candidate, includeSubdomains) => {
        const entry = { domain: entryDomain, includeSubdomains };
        const found = domainLookupKeys(candidate).includes(entryDomain) && (entryDomain === candidate || includeSubdomains);
        expect(found).toBe(domainEntryMatches(entry, candidate));
      }),
      { numRuns: 2000 },
    );
  });
});
