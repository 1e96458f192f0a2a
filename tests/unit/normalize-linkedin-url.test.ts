import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeLinkedInUrl } from "@/lib/dnc/normalize-linkedin-url";

const accepted: [string, string][] = [
  ["https://linkedin.com/in/u", "https://linkedin.com/in/u"],
  ["https://www.linkedin.com/in/u/", "https://linkedin.com/in/u"],
  ["linkedin.com/in/u", "https://linkedin.com/in/u"],
  ["www.linkedin.com/in/u", "https://linkedin.com/in/u"],
  ["in/u", "https://linkedin.com/in/u"],
  ["/in/u", "https://linkedin.com/in/u"],
  ["//linkedin.com/in/u", "https://linkedin.com/in/u"],
  ["http://linkedin.com/in/u", "https://linkedin.com/in/u"],
  ["https://uk.linkedin.com/in/u", "https://linkedin.com/in/u"],
  ["https://m.linkedin.com/in/u", "https://linkedin.com/in/u"],
  ["https://linkedin.com/in/u?trk=public_profile&originalSubdomain=uk", "https://linkedin.com/in/u"],
  ["https://linkedin.com/in/u#experience", "https://linkedin.com/in/u"],
  ["https://linkedin.com/in/u///", "https://linkedin.com/in/u"],
  ["https://linkedin.com/in/u/details/experience/", "https://linkedin.com/in/u"],
  ["HTTPS://WWW.LinkedIn.COM/IN/John-Smith-42", "https://linkedin.com/in/john-smith-42"],
  ["  https://linkedin.com/in/jane-doe  ", "https://linkedin.com/in/jane-doe"],
  ["https://linkedin.com/in/%C3%A9lodie", "https://linkedin.com/in/%C3%A9lodie"],
  ["https://linkedin.com/in/%C3%89LODIE", "https://linkedin.com/in/%C3%A9lodie"],
  ["https://linkedin.com/in/élodie", "https://linkedin.com/in/%C3%A9lodie"],
  ["https://linkedin.com/in/e\u0301lodie", "https://linkedin.com/in/%C3%A9lodie"],
  ["https://linkedin.com/in/%E5%BC%A0%E4%BC%9F", "https://linkedin.com/in/%E5%BC%A0%E4%BC%9F"],
  ["https://linkedin.com/in/first.last_1", "https://linkedin.com/in/first.last_1"],
];

const rejected: [string, string][] = [
  ["", "empty"],
  ["   ", "blank"],
  ["https://example.com/in/u", "other host"],
  ["https://linkedin.com.evil.com/in/u", "look-alike host"],
  ["https://evillinkedin.com/in/u", "suffix host"],
  ["https://user:pass@linkedin.com/in/u", "credentials"],
  ["https://linkedin.com:8443/in/u", "port"],
  ["https://linkedin.com/company/acme", "company page"],
  ["https://linkedin.com/in/", "empty slug"],
  ["https://linkedin.com/in", "no slug"],
  ["https://linkedin.com/", "no path"],
  ["https://linkedin.com/in/%", "bad escape"],
  ["https://linkedin.com/in/u%00", "encoded NUL"],
  ["https://linkedin.com/in/u\u0000", "NUL"],
  ["https://linkedin.com/in/u\nx", "newline"],
  ["https://linkedin.com/in/a%20b", "space in slug"],
  ["https://linkedin.com/in/u'--", "SQL metacharacters"],
  ["https://linkedin.com/in/..%2F..%2Fetc", "encoded traversal"],
  ["https://linkedin.com/in/---", "no letter or digit"],
  [`https://linkedin.com/in/${"a".repeat(101)}`, "slug over 100"],
  [`https://linkedin.com/in/u?${"x".repeat(2100)}`, "input over 2048"],
  ["ftp://linkedin.com/in/u", "other scheme"],
  ["javascript:alert(1)//linkedin.com/in/u", "javascript scheme"],
  ["https://sub.domain.linkedin.com/in/u", "deep subdomain"],
  ["mailto:u@linkedin.com", "mailto"],
];

describe("normalizeLinkedInUrl", () => {
  it.each(accepted)("accepts %j as %s", (input, expected) => {
    expect(normalizeLinkedInUrl(input)).toBe(expected);
  });

  it.each(rejected)("rejects %j (%s)", (input) => {
    expect(normalizeLinkedInUrl(input)).toBeNull();
  });

  it("is idempotent: normalising the canonical form gives it back", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), (input) => {
        const once = normalizeLinkedInUrl(input);
        if (once !== null) expect(normalizeLinkedInUrl(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  const slugCharacter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_éÉüßøçñ張伟");
  const slug = fc
    .array(slugCharacter, { minLength: 1, maxLength: 40 })
    .map((chars) => chars.join(""))
    .filter((value) => /[\p{L}\p{N}]/u.test(value));

  const spelling = fc.record({
    scheme: fc.constantFrom("https://", "http://", "HTTPS://", "//", ""),
    host: fc.constantFrom("linkedin.com", "www.linkedin.com", "uk.linkedin.com", "m.linkedin.com", "WWW.LinkedIn.com"),
    encode: fc.boolean(),
    upper: fc.boolean(),
    trailing: fc.constantFrom("", "/", "?trk=abc", "/#top", "?a=1&b=2#x"),
  });

  it("maps every accepted spelling of one profile to one form", () => {
    fc.assert(
      fc.property(slug, spelling, spelling, (profile, a, b) => {
        const render = (s: typeof a) => {
          // Upper-casing is only another spelling where it round-trips (ß → SS does not).
          const upper = profile.toUpperCase();
          const cased = s.upper && upper.toLowerCase() === profile.toLowerCase() ? upper : profile;
          const path = s.encode ? encodeURIComponent(cased) : cased;
          return `${s.scheme}${s.host}/in/${path}${s.trailing}`;
        };
        const first = normalizeLinkedInUrl(render(a));
        expect(first).not.toBeNull();
        expect(normalizeLinkedInUrl(render(b))).toBe(first);
        expect(normalizeLinkedInUrl(`in/${profile}`)).toBe(first);
      }),
      { numRuns: 1000 },
    );
  });
});
