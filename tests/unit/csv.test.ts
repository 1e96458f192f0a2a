import { describe, expect, it } from "vitest";
import { urlsFromCsv } from "@/lib/api-client/csv";

describe("urlsFromCsv", () => {
  it("takes the column named url, numbering rows as a spreadsheet does", () => {
    const csv = 'id,URL,note\r\n1,linkedin.com/in/a,"x, y"\r\n2,,empty\r\n3,in/b,\r\n';
    expect(urlsFromCsv(csv)).toEqual([
      { row: 2, url: "linkedin.com/in/a" },
      { row: 4, url: "in/b" },
    ]);
  });

  it("takes the first column of every row when no column is named url", () => {
    expect(urlsFromCsv("linkedin.com/in/a,2020\nlinkedin.com/in/b\n\n")).toEqual([
      { row: 1, url: "linkedin.com/in/a" },
      { row: 2, url: "linkedin.com/in/b" },
    ]);
  });

  it("reads the dashboard's own export", () => {
    const csv = "url,created_at,id\r\nhttps://linkedin.com/in/a,2026-01-01T00:00:00.000Z,dnc_1";
    expect(urlsFromCsv(csv)).toEqual([{ row: 2, url: "https://linkedin.com/in/a" }]);
  });

  it("keeps row numbers true across blank lines", () => {
    expect(urlsFromCsv("url\n\nin/a\n")).toEqual([{ row: 3, url: "in/a" }]);
  });

  it("an empty file has no URLs", () => {
    expect(urlsFromCsv("")).toEqual([]);
  });
});
