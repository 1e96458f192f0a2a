import { describe, expect, it } from "vitest";
import { toCsv, urlsFromCsv } from "@/components/api-client/csv";
import { ENTRIES_CSV_COLUMNS, entriesCsvRows, exportFileStem } from "@/components/entries/entries-csv";
import { DEFAULT_FILTER } from "@/components/entries/entries-url-state";
import type { DncEntryDto } from "@/lib/dnc/schemas";

const entry = (fields: Partial<DncEntryDto>): DncEntryDto => ({
  $id: "dnc_1",
  teamId: "team_1",
  url: "https://linkedin.com/in/jane-doe",
  $createdAt: "2026-12-01T10:00:00.000Z",
  $updatedAt: "2026-12-01T10:00:00.000Z",
  createdBy: "ops@acme.test",
  source: "dashboard",
  sourceFile: null,
  note: null,
  ...fields,
});

describe("entriesCsvRows", () => {
  it("writes the URL as the table shows it beside the API's form, and the entry's provenance", () => {
    const [row] = entriesCsvRows(
      [
        entry({
          url: "https://linkedin.com/in/%C3%A9lodie",
          aliases: ["https://linkedin.com/in/%C3%A9lo"],
          source: "import",
          sourceFile: "november.csv",
          note: "asked by phone",
          clientId: "cli_1",
          category: "complaint",
        }),
      ],
      new Map([["cli_1", "Bravo"]]),
    );
    expect(row).toMatchObject({
      url: "https://linkedin.com/in/élodie",
      canonical_url: "https://linkedin.com/in/%C3%A9lodie",
      aliases: "https://linkedin.com/in/élo",
      canonical_aliases: "https://linkedin.com/in/%C3%A9lo",
      added_by: "ops@acme.test",
      source: "import",
      source_file: "november.csv",
      note: "asked by phone",
      client: "Bravo",
      category: "complaint",
      kind: "profile",
    });
  });

  it("imports back as the same entries, notes included", () => {
    const entries = [
      entry({ url: "https://linkedin.com/in/%C3%A9lodie", note: "=SUM(1) written by someone" }),
      entry({ $id: "dnc_2", url: "acme.com", kind: "domain", domain: "acme.com", includeSubdomains: true }),
    ];
    const csv = toCsv(entriesCsvRows(entries, new Map()), ENTRIES_CSV_COLUMNS);
    expect(urlsFromCsv(csv)).toEqual({
      rows: [
        { row: 2, url: "https://linkedin.com/in/%C3%A9lodie", category: "opt_out", note: "=SUM(1) written by someone" },
        { row: 3, url: "acme.com", kind: "domain", includeSubdomains: true, category: "opt_out" },
      ],
      problems: [],
    });
  });
});

describe("exportFileStem", () => {
  const clients = new Map([
    ["cli_b", "Bravo"],
    ["cli_s", "Société Générale"],
  ]);

  it("is the team alone without a filter", () => {
    expect(exportFileStem("acme", DEFAULT_FILTER, clients)).toBe("acme");
  });

  it("names each filter, the client by its name, in safe characters only", () => {
    expect(exportFileStem("acme", { ...DEFAULT_FILTER, category: ["complaint"], client: "cli_b" }, clients)).toBe(
      "acme-category-complaint-client-Bravo",
    );
    expect(
      exportFileStem(
        "acme",
        {
          ...DEFAULT_FILTER,
          q: "jane / doe?",
          source: ["import", "api"],
          createdBy: ["jane@acme.com"],
          from: "2026-11-01",
          to: "2026-11-30",
          late: true,
          expiresWithin: 30,
          client: "cli_s",
        },
        clients,
      ),
    ).toBe(
      "acme-search-jane-doe-late-source-import-api-added-by-jane-acme.com-from-2026-11-01-to-2026-11-30-expires-within-30-days-client-Societe-Generale",
    );
    expect(exportFileStem("acme", { ...DEFAULT_FILTER, client: "global", late: false }, clients)).toBe("acme-on-time-client-global-list");
  });

  it("stays short with a long search, and never ends in a dash", () => {
    const stem = exportFileStem("acme", { ...DEFAULT_FILTER, q: "a".repeat(300), createdBy: ["b".repeat(300)] }, clients);
    expect(stem.length).toBeLessThanOrEqual(160);
    expect(stem).toMatch(/^acme-search-a+-added-by-b+$/);
  });
});
