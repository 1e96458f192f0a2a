import { describe, expect, it } from "vitest";
import {
  DEFAULT_VIEW,
  type EntriesView,
  listParams,
  parseListQuery,
  readEntriesView,
  writeEntriesView,
} from "@/components/entries/entries-url-state";

const FILTERED: EntriesView = {
  q: "jane",
  kind: ["company", "domain"],
  category: ["complaint", "legal"],
  late: true,
  source: ["api", "import"],
  createdBy: ["a@x.test", "CRM, EU (key:dncsk_ab)"],
  from: "2026-03-01",
  to: "2026-03-31",
  expiresWithin: 7,
  client: "cli_AbC123",
  sort: "url",
  order: "asc",
  pageIndex: 2,
  pageSize: 10,
};

describe("entries table state in the page URL", () => {
  it("leaves the default view out of the URL", () => {
    expect(writeEntriesView(DEFAULT_VIEW).toString()).toBe("");
    expect(readEntriesView(new URLSearchParams())).toEqual(DEFAULT_VIEW);
  });

  it("reads back what it wrote, authors with commas included", () => {
    const params = writeEntriesView(FILTERED);
    expect(params.toString()).toBe(
      "q=jane&kind=company%2Cdomain&category=complaint%2Clegal&late=true&source=api%2Cimport&createdBy=a%40x.test&createdBy=CRM%2C+EU+%28key%3Adncsk_ab%29&from=2026-03-01&to=2026-03-31&expiresWithin=7&client=cli_AbC123&sort=url&order=asc&page=3&size=10",
    );
    expect(readEntriesView(params)).toEqual(FILTERED);
  });

  it("reads Next's searchParams record as the URL's query", () => {
    const record = { source: ["api", "batch"], createdBy: "a@x.test", page: "2" };
    expect(readEntriesView(record)).toEqual({ ...DEFAULT_VIEW, source: ["api", "batch"], createdBy: ["a@x.test"], pageIndex: 1 });
  });

  it.each([
    ["an unknown source", "source=fax"],
    ["an unknown category", "category=spam"],
    ["late neither true nor false", "late=yes"],
    ["an unknown sort", "sort=note"],
    ["an unknown order", "order=up"],
    ["page zero", "page=0"],
    ["a page that is not a number", "page=two"],
    ["a page size the table does not offer", "size=30"],
    ["a day that does not exist", "to=2026-02-30"],
    ["a date-time where a day belongs", "from=2026-03-01T10:00:00Z"],
    ["a search longer than the API takes", `q=${"x".repeat(201)}`],
    ["an offset past the API's limit", "page=999999999&size=100"],
    ["an expiry window that is not a number of days", "expiresWithin=soon"],
    ["an expiry window past the API's limit", "expiresWithin=4000"],
    ["a client that is neither a client's id nor global", "client=acme"],
  ])("falls back to the default view for %s", (_case, query) => {
    expect(readEntriesView(new URLSearchParams(`createdBy=kept-only-if-valid&${query}`))).toEqual(DEFAULT_VIEW);
  });

  it("asks the API for the days inclusive: `to` becomes the next day's start, across a month's end", () => {
    const params = listParams(FILTERED);
    expect(params.get("createdAfter")).toBe("2026-03-01");
    expect(params.get("createdBefore")).toBe("2026-04-01");
    expect(params.get("offset")).toBe("20");
    expect(params.get("limit")).toBe("10");
    expect(params.getAll("createdBy")).toEqual(FILTERED.createdBy);
  });

  it("gives the server the query the API route would parse", () => {
    const parsed = parseListQuery(FILTERED);
    expect(parsed.success && parsed.data).toEqual({
      limit: 10,
      offset: 20,
      q: "jane",
      order: "asc",
      sort: "url",
      kind: ["company", "domain"],
      category: ["complaint", "legal"],
      late: true,
      source: ["api", "import"],
      createdBy: FILTERED.createdBy,
      createdAfter: new Date("2026-03-01T00:00:00Z"),
      createdBefore: new Date("2026-04-01T00:00:00Z"),
      expiresWithin: 7,
      client: "cli_AbC123",
    });
  });
});
