import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeLinkedInUrl, parseIdentifierSegment, parseLinkedInIdentifier } from "@/lib/dnc/normalize-linkedin-url";

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
  ["https://de.linkedin.com/in/hans-m%C3%BCller-4a1b2c3d?originalSubdomain=de", "https://linkedin.com/in/hans-m%C3%BCller-4a1b2c3d"],
  ["https://www.linkedin.com/in/jane-doe/recent-activity/all/", "https://linkedin.com/in/jane-doe"],
  ["https://www.linkedin.com/in/jane-doe/overlay/contact-info/", "https://linkedin.com/in/jane-doe"],
  [
    "https://www.linkedin.com/in/jane-doe?utm_source=share&utm_campaign=share_via&utm_content=profile&utm_medium=ios_app",
    "https://linkedin.com/in/jane-doe",
  ],
  ["https://www.linkedin.com/in/jane-doe?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAB1", "https://linkedin.com/in/jane-doe"],
  ["https://fr.linkedin.com/in/fran%C3%A7ois-dupont", "https://linkedin.com/in/fran%C3%A7ois-dupont"],
];

const MEMBER = "ACoAAB1cDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
const SALES = "ACwAAAB2xYz_Q1-lmnOPqrStuVwxYZ0123456789";
const RECRUITER = "AEMAAAhT3cP0mGkJ4rSVzW2xQy8BvN1dLpO5aE";

/** Member ids, Sales Navigator, Recruiter and URNs: ids keep their case. */
const acceptedIds: [string, string, string][] = [
  [`https://www.linkedin.com/in/${MEMBER}`, `https://linkedin.com/in/${MEMBER}`, "member_id"],
  [`https://www.linkedin.com/in/${MEMBER}/`, `https://linkedin.com/in/${MEMBER}`, "member_id"],
  [`linkedin.com/in/${MEMBER}?trk=people-guest`, `https://linkedin.com/in/${MEMBER}`, "member_id"],
  [`in/${MEMBER}`, `https://linkedin.com/in/${MEMBER}`, "member_id"],
  [`https://m.linkedin.com/in/${MEMBER}/details/skills/`, `https://linkedin.com/in/${MEMBER}`, "member_id"],
  [`urn:li:fsd_profile:${MEMBER}`, `https://linkedin.com/in/${MEMBER}`, "member_id"],
  [`URN:LI:FSD_PROFILE:${MEMBER}`, `https://linkedin.com/in/${MEMBER}`, "member_id"],
  [`  urn:li:fsd_profile:${MEMBER}  `, `https://linkedin.com/in/${MEMBER}`, "member_id"],
  [`https://www.linkedin.com/sales/lead/${SALES},NAME_SEARCH,Xy9z`, `https://linkedin.com/sales/lead/${SALES}`, "sales_navigator"],
  [
    `https://www.linkedin.com/sales/lead/${SALES},NAME_SEARCH,Xy9z?_ntb=abc%3D%3D`,
    `https://linkedin.com/sales/lead/${SALES}`,
    "sales_navigator",
  ],
  [`https://www.linkedin.com/sales/lead/${SALES}%2CNAME_SEARCH%2CXy9z`, `https://linkedin.com/sales/lead/${SALES}`, "sales_navigator"],
  [`https://www.linkedin.com/sales/people/${SALES},OUT_OF_NETWORK,abc1`, `https://linkedin.com/sales/lead/${SALES}`, "sales_navigator"],
  [`https://www.linkedin.com/sales/people/${SALES}`, `https://linkedin.com/sales/lead/${SALES}`, "sales_navigator"],
  [`linkedin.com/sales/lead/${SALES},NAME_SEARCH,Xy9z/`, `https://linkedin.com/sales/lead/${SALES}`, "sales_navigator"],
  [`https://www.linkedin.com/talent/profile/${RECRUITER}`, `https://linkedin.com/talent/profile/${RECRUITER}`, "recruiter"],
  [
    `https://www.linkedin.com/talent/profile/${RECRUITER}?project=123456&trk=PROJECT_PIPELINE`,
    `https://linkedin.com/talent/profile/${RECRUITER}`,
    "recruiter",
  ],
  [`https://linkedin.com/talent/profile/${RECRUITER}/`, `https://linkedin.com/talent/profile/${RECRUITER}`, "recruiter"],
  ["urn:li:member:123456789", "urn:li:member:123456789", "member_urn"],
  ["URN:LI:MEMBER:0042", "urn:li:member:42", "member_urn"],
  [" urn:li:member:7 ", "urn:li:member:7", "member_urn"],
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
  ["https://www.linkedin.com/sales/lead/", "Sales Navigator without an id"],
  ["https://www.linkedin.com/sales/lead/,NAME_SEARCH,x", "Sales Navigator id before the comma is empty"],
  ["https://www.linkedin.com/sales/search/people?query=x", "Sales Navigator search"],
  ["https://www.linkedin.com/talent/profile/", "Recruiter without an id"],
  ["https://www.linkedin.com/talent/profile/a%20b%20c%20d", "Recruiter id with spaces"],
  ["https://www.linkedin.com/feed/update/urn:li:activity:123/", "a post"],
  ["https://www.linkedin.com/school/mit/", "a school"],
  ["urn:li:member:", "member URN without a number"],
  ["urn:li:member:12ab", "member URN that is not a number"],
  ["urn:li:company:1234", "company URN"],
  ["urn:li:fsd_profile:not-a-member-id", "profile URN without a member id"],
  ["https://example.com/sales/lead/ACwAAAB2xYz,NAME_SEARCH,x", "Sales Navigator path on another host"],
];

describe("normalizeLinkedInUrl", () => {
  it.each(accepted)("accepts %j as %s", (input, expected) => {
    expect(normalizeLinkedInUrl(input)).toBe(expected);
  });

  it.each(rejected)("rejects %j (%s)", (input) => {
    expect(normalizeLinkedInUrl(input)).toBeNull();
  });

  it.each(acceptedIds)("accepts %j as %s (%s)", (input, expected, shape) => {
    expect(parseLinkedInIdentifier(input)).toMatchObject({ canonical: expected, shape });
  });

  it("keeps a member id's case, so two ids differing in case stay two people, and looks for the lower-cased form stored before", () => {
    const upper = parseLinkedInIdentifier(`https://linkedin.com/in/${MEMBER}`)!;
    const flipped = parseLinkedInIdentifier(`https://linkedin.com/in/${MEMBER.replace("B1c", "b1C")}`)!;
    expect(upper.canonical).not.toBe(flipped.canonical);
    expect(upper.legacy).toBe(`https://linkedin.com/in/${MEMBER.toLowerCase()}`);
    expect(normalizeLinkedInUrl(`https://linkedin.com/in/${MEMBER.toLowerCase()}`)).toBe(upper.legacy);
  });

  it("answers Kakiyo's four documented forms as before", () => {
    for (const input of [
      "https://linkedin.com/in/john-doe",
      "https://www.linkedin.com/in/john-doe",
      "linkedin.com/in/john-doe",
      "in/john-doe",
    ])
      expect(normalizeLinkedInUrl(input)).toBe("https://linkedin.com/in/john-doe");
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

describe("parseIdentifierSegment (an alias in a path)", () => {
  it.each([
    ["https://linkedin.com/in/jane-doe", "https://linkedin.com/in/jane-doe"],
    ["in/Jane-Doe", "https://linkedin.com/in/jane-doe"],
    ["urn:li:member:12345", "urn:li:member:12345"],
    // Encoded once more than the framework decodes: decoded again.
    [encodeURIComponent("https://www.linkedin.com/in/jane-doe/"), "https://linkedin.com/in/jane-doe"],
    [encodeURIComponent("linkedin.com/in/élodie"), "https://linkedin.com/in/%C3%A9lodie"],
    ["https://linkedin.com/in/%C3%A9lodie", "https://linkedin.com/in/%C3%A9lodie"],
  ])("%s → %s", (segment, canonical) => {
    expect(parseIdentifierSegment(segment)?.canonical).toBe(canonical);
  });

  it.each(["", "jane-doe", "https://example.com/in/x", "%E0%A4%A", encodeURIComponent("https://linkedin.com/company/x")])(
    "refuses %j",
    (segment) => {
      expect(parseIdentifierSegment(segment)).toBeNull();
    },
  );
});
