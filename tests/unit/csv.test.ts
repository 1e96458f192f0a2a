import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { toCsv, urlsFromCsv } from "@/components/api-client/csv";

describe("toCsv", () => {
  const cell = (value: unknown) => toCsv([{ value }], ["value"]).split("\r\n").slice(1).join("\r\n");

  it.each([
    ['=HYPERLINK("http://evil.example","click")', `"'=HYPERLINK(""http://evil.example"",""click"")"`],
    ["@SUM(1+1)", `"'@SUM(1+1)"`],
    ["+1+1", `"'+1+1"`],
    ["-2+3", `"'-2+3"`],
    ["\tcmd", `"'\tcmd"`],
    ["\rcmd", `"'\rcmd"`],
  ])("neutralises a cell starting %j with a quoted leading '", (value, expected) => {
    expect(cell(value)).toBe(expected);
  });

  it("neutralises a formula cell that goes on over several lines", () => {
    expect(cell("=1+1\nsecond line")).toBe(`"'=1+1\nsecond line"`);
  });

  it("leaves other text, a formula character further in, numbers and empty cells as they are", () => {
    expect(cell("https://linkedin.com/in/a-b")).toBe("https://linkedin.com/in/a-b");
    expect(cell("consent = withdrawn")).toBe(`consent = withdrawn`);
    expect(cell(-1)).toBe("-1");
    expect(cell(null)).toBe("");
  });

  it("reads back, cell for cell, as the original text behind the quote", () => {
    const rows = [
      { reason: "@SUM(1+1)", note: '=HYPERLINK("x"), "quoted", and commas' },
      { reason: "plain, with comma", note: 'say "hi"' },
    ];
    const parsed = Papa.parse<string[]>(toCsv(rows, ["reason", "note"])).data;
    expect(parsed).toEqual([
      ["reason", "note"],
      ["'@SUM(1+1)", `'=HYPERLINK("x"), "quoted", and commas`],
      ["plain, with comma", 'say "hi"'],
    ]);
  });
});

describe("urlsFromCsv", () => {
  it("reads an entry's kind (as the export writes it) and company and domain columns, each cell an entry of its own", () => {
    const csv =
      "url,kind,include_subdomains,company,domain\r\n" +
      "in/a,,,,\r\n" +
      "acme.com,domain,true,,\r\n" +
      "linkedin.com/company/acme,company,,,\r\n" +
      ",,,linkedin.com/company/other,other.org\r\n" +
      ",,,,\r\n" +
      ",,yes,,third.net\r\n";
    expect(urlsFromCsv(csv)).toEqual({
      rows: [
        { row: 2, url: "in/a" },
        { row: 3, url: "acme.com", kind: "domain", includeSubdomains: true },
        { row: 4, url: "linkedin.com/company/acme", kind: "company" },
        { row: 5, url: "linkedin.com/company/other", kind: "company" },
        { row: 5, url: "other.org", kind: "domain", includeSubdomains: false },
        { row: 7, url: "third.net", kind: "domain", includeSubdomains: true },
      ],
      problems: [],
    });
  });

  it("takes the column named url, numbering rows as a spreadsheet does", () => {
    const csv = 'id,URL,comment\r\n1,linkedin.com/in/a,"x, y"\r\n2,in/c,"two\r\nlines"\r\n3,in/b,\r\n';
    expect(urlsFromCsv(csv)).toEqual({
      rows: [
        { row: 2, url: "linkedin.com/in/a" },
        { row: 3, url: "in/c" },
        { row: 4, url: "in/b" },
      ],
      problems: [],
    });
  });

  it("takes the first column of every row when no column is named url", () => {
    expect(urlsFromCsv("linkedin.com/in/a,2020\nlinkedin.com/in/b\n\n")).toEqual({
      rows: [
        { row: 1, url: "linkedin.com/in/a" },
        { row: 2, url: "linkedin.com/in/b" },
      ],
      problems: [],
    });
  });

  it("reads the dashboard's own export", () => {
    const csv = "url,created_at,id\r\nhttps://linkedin.com/in/a,2026-01-01T00:00:00.000Z,dnc_1";
    expect(urlsFromCsv(csv)).toEqual({ rows: [{ row: 2, url: "https://linkedin.com/in/a" }], problems: [] });
  });

  it("keeps row numbers true across blank lines, and skips them silently", () => {
    expect(urlsFromCsv("url\n\nin/a\n,\n")).toEqual({ rows: [{ row: 3, url: "in/a" }], problems: [] });
  });

  it("an empty file has no URLs and no problems", () => {
    expect(urlsFromCsv("")).toEqual({ rows: [], problems: [] });
  });

  it("reports a row with more or fewer fields than the header instead of guessing its URL", () => {
    const csv = "name,url,comment\nAda,in/ada,ok\nBob,Smith,in/bob,shifted\nCy,in/cy\nDee,in/dee,ok\nin/eve\n";
    const { rows, problems } = urlsFromCsv(csv);
    expect(rows).toEqual([
      { row: 2, url: "in/ada" },
      { row: 5, url: "in/dee" },
    ]);
    expect(problems).toEqual([
      { row: 3, problem: expect.stringMatching(/^4 fields where the header has 3/) },
      { row: 4, problem: expect.stringMatching(/^2 fields where the header has 3/) },
      { row: 6, problem: expect.stringMatching(/^1 field where the header has 3/) },
    ]);
  });

  it("reports an unclosed quote on its row: the rest of the file is unreadable, and says so", () => {
    const { rows, problems } = urlsFromCsv('url,comment\nin/a,ok\nin/b,"never closed\nin/c,x\nin/d,y\n');
    expect(rows).toEqual([{ row: 2, url: "in/a" }]);
    expect(problems).toEqual([{ row: 3, problem: expect.stringMatching(/never closed.*no row after it could be read/) }]);
  });

  it("reports text after a closing quote on its row", () => {
    const { rows, problems } = urlsFromCsv('url,comment\nin/a,ok\nin/b,"quoted"tail\n');
    expect(rows).toEqual([{ row: 2, url: "in/a" }]);
    expect(problems).toEqual([{ row: 3, problem: expect.stringContaining("text after its closing quote") }]);
  });

  it("reports a row with content but no URL", () => {
    expect(urlsFromCsv("id,url\n1,in/a\n2,\n").problems).toEqual([{ row: 3, problem: "No URL in the “url” column." }]);
    expect(urlsFromCsv("in/a,2020\n,2021\n").problems).toEqual([{ row: 2, problem: "No URL in the first column." }]);
  });

  it("reads an aliases column, split at whitespace, as the export writes it; an empty cell gives none", () => {
    const csv = toCsv(
      [
        { url: "https://linkedin.com/in/a", aliases: "https://linkedin.com/in/a-2 urn:li:member:7" },
        { url: "https://linkedin.com/in/b", aliases: "" },
      ],
      ["url", "created_at", "id", "aliases"],
    );
    expect(urlsFromCsv(csv).rows).toEqual([
      { row: 2, url: "https://linkedin.com/in/a", aliases: ["https://linkedin.com/in/a-2", "urn:li:member:7"] },
      { row: 3, url: "https://linkedin.com/in/b" },
    ]);
    // Without a header naming "url", there is no aliases column either.
    expect(urlsFromCsv("in/a,aliases\nin/b,in/c\n").rows).toEqual([
      { row: 1, url: "in/a" },
      { row: 2, url: "in/b" },
    ]);
  });

  it("reads an expires_at column as the export writes it, for every entry of the row; a bad or past expiry is a problem", () => {
    const csv = toCsv(
      [
        { url: "https://linkedin.com/in/a", expires_at: "2099-05-01T12:00:00.000Z" },
        { url: "https://linkedin.com/in/b", expires_at: "" },
        { url: "https://linkedin.com/in/c", expires_at: "2099-06-01" },
        { url: "https://linkedin.com/in/d", expires_at: "2001-01-01" },
        { url: "https://linkedin.com/in/e", expires_at: "next week" },
        { url: "", domain: "acme.com", expires_at: "2099-07-01T00:00:00+02:00" },
      ],
      ["url", "domain", "expires_at"],
    );
    const { rows, problems } = urlsFromCsv(csv);
    expect(rows).toEqual([
      { row: 2, url: "https://linkedin.com/in/a", expiresAt: "2099-05-01T12:00:00.000Z" },
      { row: 3, url: "https://linkedin.com/in/b" },
      { row: 4, url: "https://linkedin.com/in/c", expiresAt: "2099-06-01T00:00:00.000Z" },
      { row: 7, url: "acme.com", kind: "domain", includeSubdomains: false, expiresAt: "2099-06-30T22:00:00.000Z" },
    ]);
    expect(problems).toEqual([
      { row: 5, problem: "“2001-01-01” in “expires_at” is not an ISO 8601 date or date-time in the future." },
      { row: 6, problem: "“next week” in “expires_at” is not an ISO 8601 date or date-time in the future." },
    ]);
  });

  it("reads canonical_url in place of the url people read, and canonical_aliases in place of aliases, when the cell has one", () => {
    const csv = toCsv(
      [
        {
          url: "https://linkedin.com/in/élodie",
          canonical_url: "https://linkedin.com/in/%C3%A9lodie",
          aliases: "https://linkedin.com/in/élo",
          canonical_aliases: "https://linkedin.com/in/%C3%A9lo",
        },
        { url: "in/typed-by-hand", canonical_url: "", aliases: "in/other", canonical_aliases: "" },
      ],
      ["url", "canonical_url", "aliases", "canonical_aliases"],
    );
    expect(urlsFromCsv(csv).rows).toEqual([
      { row: 2, url: "https://linkedin.com/in/%C3%A9lodie", aliases: ["https://linkedin.com/in/%C3%A9lo"] },
      { row: 3, url: "in/typed-by-hand" },
    ]);
  });

  it("reads a note column for every entry of the row, as the export wrote it; a note longer than the API keeps is a problem", () => {
    const csv = toCsv(
      [
        { url: "in/a", note: "asked by email" },
        { url: "in/b", note: "" },
        { url: "in/c", note: "=1+1 is not a formula here" },
        { url: "in/d", note: "x".repeat(501) },
        { url: "", domain: "acme.com", note: "whole company" },
      ],
      ["url", "domain", "note"],
    );
    const { rows, problems } = urlsFromCsv(csv);
    expect(rows).toEqual([
      { row: 2, url: "in/a", note: "asked by email" },
      { row: 3, url: "in/b" },
      { row: 4, url: "in/c", note: "=1+1 is not a formula here" },
      { row: 6, url: "acme.com", kind: "domain", includeSubdomains: false, note: "whole company" },
    ]);
    expect(problems).toEqual([{ row: 5, problem: "The note has 501 characters; a note has at most 500, so shorten it or leave it out." }]);
  });
});
