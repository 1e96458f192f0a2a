import { describe, expect, it } from "vitest";
import { describeScriptMix, displayProfileUrl, limitStackedMarks, MAX_STACKED_MARKS, mixedScripts } from "@/lib/dnc/slug-display";
import { normalizeLinkedInUrl } from "@/lib/dnc/normalize-linkedin-url";

const CYRILLIC_O = "\u043e";
const GREEK_OMICRON = "\u03bf";
const ACUTE = "\u0301";

describe("mixedScripts", () => {
  it.each([
    ["john-smith", "Latin only"],
    ["иван-петров", "Cyrillic only"],
    ["αλέξης", "Greek only (with its own accents)"],
    ["élodie-martin", "Latin with a precomposed accent"],
    ["jean-2024_x.y", "digits and separators belong to no script"],
    ["山田-taro", "Latin beside a script that does not imitate it"],
  ])("%s is not flagged (%s)", (slug) => {
    expect(mixedScripts(slug)).toBeNull();
  });

  it("flags a Cyrillic о among Latin letters, naming the odd letter", () => {
    const mix = mixedScripts(`j${CYRILLIC_O}hn`);
    expect(mix).toEqual([
      { script: "Latin", letters: ["j", "h", "n"] },
      { script: "Cyrillic", letters: [CYRILLIC_O] },
    ]);
    expect(describeScriptMix(mix!)).toBe(`Latin and Cyrillic letters (Cyrillic: ${CYRILLIC_O})`);
  });

  it("flags Greek among Latin, and all three together", () => {
    expect(mixedScripts(`j${GREEK_OMICRON}hn`)?.map((m) => m.script)).toEqual(["Latin", "Greek"]);
    const three = mixedScripts(`johnny${CYRILLIC_O}${GREEK_OMICRON}`)!;
    expect(describeScriptMix(three)).toBe(`Latin, Cyrillic and Greek letters (Cyrillic: ${CYRILLIC_O}; Greek: ${GREEK_OMICRON})`);
  });

  it("flags Cyrillic mixed with Greek", () => {
    expect(mixedScripts(`иван${GREEK_OMICRON}`)?.map((m) => m.script)).toEqual(["Cyrillic", "Greek"]);
  });

  it("is not fooled by combining marks, which belong to no script", () => {
    expect(mixedScripts(`jo${ACUTE}hn`)).toBeNull();
  });
});

describe("limitStackedMarks", () => {
  it(`keeps up to ${MAX_STACKED_MARKS} marks on a letter and drops the rest of a flood`, () => {
    const flood = `x${ACUTE.repeat(200)}y`;
    expect(limitStackedMarks(flood)).toEqual({ text: `x${ACUTE.repeat(MAX_STACKED_MARKS)}y`, removed: 200 - MAX_STACKED_MARKS });
  });

  it("counts each letter's stack on its own", () => {
    const text = `a${ACUTE.repeat(5)}b${ACUTE.repeat(2)}`;
    expect(limitStackedMarks(text)).toEqual({ text: `a${ACUTE.repeat(3)}b${ACUTE.repeat(2)}`, removed: 2 });
  });

  it("leaves ordinary text as it is", () => {
    for (const text of ["élodie", "nguyễn", "שָׁלוֹם", "https://linkedin.com/in/a-b"]) {
      expect(limitStackedMarks(text)).toEqual({ text, removed: 0 });
    }
  });
});

describe("displayProfileUrl", () => {
  it("shows the slug decoded and flags a mixed-script one; the host does not count as Latin letters", () => {
    const url = normalizeLinkedInUrl(`linkedin.com/in/j${CYRILLIC_O}hn-smith`)!;
    expect(url).toBe("https://linkedin.com/in/j%D0%BEhn-smith");
    expect(displayProfileUrl(url)).toEqual({
      text: `https://linkedin.com/in/j${CYRILLIC_O}hn-smith`,
      prefix: "https://linkedin.com/in/",
      key: `j${CYRILLIC_O}hn-smith`,
      scripts: [
        { script: "Latin", letters: ["j", "h", "n", "s", "m", "i", "t"] },
        { script: "Cyrillic", letters: [CYRILLIC_O] },
      ],
      marksRemoved: 0,
    });
    expect(displayProfileUrl(normalizeLinkedInUrl("linkedin.com/in/иван-петров")!).scripts).toBeNull();
  });

  it("cuts down the longest flood of marks the normaliser accepts (a 100-character slug)", () => {
    const longest = `x${ACUTE.repeat(99)}`;
    expect(normalizeLinkedInUrl(`linkedin.com/in/x${ACUTE.repeat(100)}`)).toBeNull();
    const url = normalizeLinkedInUrl(`linkedin.com/in/${longest}`)!;
    expect(url).not.toBeNull();
    const shown = displayProfileUrl(url);
    expect(shown.text).toBe(`https://linkedin.com/in/x${ACUTE.repeat(MAX_STACKED_MARKS)}`);
    expect(shown.marksRemoved).toBe(99 - MAX_STACKED_MARKS);
  });

  it.each([
    ["https://linkedin.com/in/jane-doe", "https://linkedin.com/in/", "jane-doe"],
    ["https://linkedin.com/in/ACoAAAbCdEf", "https://linkedin.com/in/", "ACoAAAbCdEf"],
    ["https://linkedin.com/company/acme", "https://linkedin.com/company/", "acme"],
    ["https://linkedin.com/sales/lead/ACwAAB123", "https://linkedin.com/", "sales/lead/ACwAAB123"],
    ["acme.com", "", "acme.com"],
    ["urn:li:member:12345", "", "urn:li:member:12345"],
  ])("splits %s into the shared prefix and what tells it apart", (url, prefix, key) => {
    expect(displayProfileUrl(url)).toMatchObject({ prefix, key });
  });

  it("shows a URL that is not percent-encoding as it is", () => {
    expect(displayProfileUrl("https://linkedin.com/in/%E0%A4%A").text).toBe("https://linkedin.com/in/%E0%A4%A");
  });
});
