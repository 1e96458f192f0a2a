/**
 * The entries of team `table` (e2e/table-state.spec.ts), seeded as they are so the test knows every
 * row: four sources in turn, three authors, three URL families, a day apart from 1 January 2026 at
 * noon UTC, and URLs numbered in another order than the dates (sorting by URL must reorder them).
 */
export const TABLE_AUTHORS = ["ana@acme.test", "ben@acme.test", "CRM sync (key:dncsk_tbl1)"] as const;
const SOURCES = ["dashboard", "api", "batch", "import"] as const;
const FAMILIES = ["alpha", "beta", "gamma"] as const;
const COUNT = 96;
const FIRST_DAY = Date.UTC(2026, 0, 1, 12);
const DAY_MS = 86_400_000;

export type TableEntry = {
  url: string;
  createdAt: string;
  createdBy: string;
  source: (typeof SOURCES)[number];
  sourceFile: string | null;
  note: string | null;
};

export const TABLE_ENTRIES: TableEntry[] = Array.from({ length: COUNT }, (_, i) => {
  const source = SOURCES[i % SOURCES.length]!;
  // 7 and 96 share no factor, so i * 7 mod 96 numbers every entry once, out of date order.
  const number = String((i * 7) % COUNT).padStart(2, "0");
  return {
    url: `https://linkedin.com/in/tbl-${FAMILIES[i % FAMILIES.length]}-${number}`,
    createdAt: new Date(FIRST_DAY + i * DAY_MS).toISOString(),
    createdBy: TABLE_AUTHORS[Math.floor(i / SOURCES.length) % TABLE_AUTHORS.length]!,
    source,
    sourceFile: source === "import" ? (i % 8 === 3 ? "leads.csv" : "march.csv") : null,
    note:
      i % 10 === 0
        ? `Asked to be left alone on call ${i}; confirmed by email and noted for every campaign tool that reads this list`
        : null,
  };
});
