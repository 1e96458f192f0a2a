import Papa from "papaparse";
import { ENTRY_CATEGORIES, type EntryCategory } from "@/lib/dnc/categories";
import { expiresAtSchema, MAX_TEXT_FIELD_LENGTH } from "@/lib/dnc/schemas";

/**
 * OWASP's CSV-injection rule: a spreadsheet reads a cell that starts with one of these as a formula,
 * so such a cell gets a leading `'`. Papaparse's own pattern (`/^[=+\-@\t\r].*$/`) misses a cell
 * that continues on a second line, hence ours. A cell that starts with `'` gets one too, so a
 * reader can always take exactly one off to recover the value (the audit export's check does).
 */
const FORMULA_START = /^[=+\-@\t\r']/;

/** The rows as CSV text, every text cell safe to open in a spreadsheet (numbers are left as they are). */
export function toCsv(rows: Record<string, unknown>[], columns: readonly string[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((row) => columns.map((column) => row[column] ?? "")) },
    { escapeFormulae: FORMULA_START },
  );
}

/** Offers the rows as a CSV file download without a server round trip. */
export function downloadCsv(filename: string, rows: Record<string, unknown>[], columns: readonly string[]) {
  const csv = toCsv(rows, columns);
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function dated(prefix: string) {
  return `${prefix}-${new Date().toISOString().slice(0, 10)}.csv`;
}

/** A cell as it was before toCsv made it safe: the one leading `'` it adds taken off again. */
function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/**
 * One entry to import. `aliases`: the row's cell in a column named "canonical_aliases" or else
 * "aliases" (any case), split at whitespace; absent without such a column or for an empty cell. `kind`: a company or domain entry
 * (absent: a profile), from the row's `kind` column or from a `company` or `domain` column.
 * `expiresAt`: the row's `expires_at` cell, as an ISO instant (absent: the entry never expires).
 */
export type CsvRow = {
  row: number;
  url: string;
  aliases?: string[];
  kind?: "company" | "domain";
  includeSubdomains?: boolean;
  /** From a "category" column; absent for an empty cell (the default, opt_out). */
  category?: EntryCategory;
  /** From a "received_at" column (ISO 8601), as the API takes it; absent for an empty cell. */
  receivedAt?: string;
  /** From an "expires_at" column, as the API takes it; absent for an empty cell. */
  expiresAt?: string;
  /** From a "note" column; absent for an empty cell. */
  note?: string;
};
/** A row that is not imported, and why. */
export type CsvProblem = { row: number; problem: string };

/**
 * The URLs of an uploaded CSV with their row numbers as a spreadsheet shows them: the column named
 * "url" (any case) below its header, or else the first column of every row. A row that cannot be
 * read with confidence is not guessed at but listed in `problems`: a malformed or unclosed quote
 * (an unclosed one swallows the rest of the file), a row with more or fewer fields than the header
 * (its columns may have shifted, so the URL may be another column's text), a row with content but
 * no URL. Blank lines are skipped. With a header that names a "url" column, more columns are read
 * (as the export writes them):
 * - "canonical_url": the API's form of the row's URL, read in place of "url" when the cell has one
 *   (the export's "url" is the form people read, which need not be the exact stored one);
 * - "aliases" (or "canonical_aliases", read in its place): the row's other identifiers of the same person, separated by spaces;
 * - "kind" (profile, company or domain) and "include_subdomains" (true/false): what the url is;
 * - "company" and "domain": each cell is an entry of its own of that kind (a row may then have no url);
 * - "category" (opt_out, complaint, …) and "received_at" (when the opt-out came in, ISO 8601): a
 *   row whose cell is neither empty nor valid is listed in `problems`, so one bad cell never
 *   refuses the rest of the file.
 * - "expires_at": when the row's entries expire, an ISO 8601 date-time or date in the future (a row
 *   with another value is a problem: the batch add would refuse its whole request).
 * - "note": why the row's entries are on the list (a row with a longer note than the API keeps is a problem).
 */
export function urlsFromCsv(text: string): { rows: CsvRow[]; problems: CsvProblem[] } {
  // Blank lines are kept while parsing, so the numbers match the file.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const [header] = parsed.data;
  if (!header) return { rows: [], problems: [] };
  const named = header.findIndex((cell) => cell.trim().toLowerCase() === "url");
  const column = named >= 0 ? named : 0;
  const columnNamed = (name: string) => (named >= 0 ? header.findIndex((cell) => cell.trim().toLowerCase() === name) : -1);
  const canonicalColumn = columnNamed("canonical_url");
  const canonicalAliasesColumn = columnNamed("canonical_aliases");
  const aliasesColumn = canonicalAliasesColumn >= 0 ? canonicalAliasesColumn : columnNamed("aliases");
  const kindColumn = columnNamed("kind");
  const subdomainsColumn = columnNamed("include_subdomains");
  const companyColumn = columnNamed("company");
  const domainColumn = columnNamed("domain");
  const categoryColumn = columnNamed("category");
  const receivedAtColumn = columnNamed("received_at");
  const expiresColumn = columnNamed("expires_at");
  const noteColumn = columnNamed("note");

  const quoteProblems = new Map<number, string>();
  for (const error of parsed.errors) {
    // Only quote errors name a row; the other kind ("no delimiter found") just means one column.
    if (error.type !== "Quotes" || error.row === undefined) continue;
    const text = QUOTE_PROBLEMS[error.code] ?? error.message;
    const earlier = quoteProblems.get(error.row);
    quoteProblems.set(error.row, earlier && !earlier.includes(text) ? `${earlier} ${text}` : text);
  }

  const rows: CsvRow[] = [];
  const problems: CsvProblem[] = [];
  for (const [index, cells] of parsed.data.entries()) {
    if (named >= 0 && index === 0) continue;
    const row = index + 1;
    const quoteProblem = quoteProblems.get(index);
    if (quoteProblem) {
      problems.push({ row, problem: quoteProblem });
    } else if (cells.every((cell) => cell.trim() === "")) {
      continue;
    } else if (named >= 0 && cells.length !== header.length) {
      problems.push({
        row,
        problem: `${cells.length} ${cells.length === 1 ? "field" : "fields"} where the header has ${header.length}: the columns may have shifted, so the row is not used.`,
      });
    } else {
      const cell = (at: number) => (at >= 0 ? (cells[at] ?? "").trim() : "");
      const record = recordOf({
        category: cell(categoryColumn),
        receivedAt: cell(receivedAtColumn),
        expires: cell(expiresColumn),
        note: unescapeFormula(cell(noteColumn)),
      });
      if (typeof record === "string") {
        problems.push({ row, problem: record });
        continue;
      }
      const company = cell(companyColumn);
      const domain = cell(domainColumn);
      if (company) rows.push({ row, url: company, kind: "company", ...record });
      if (domain)
        rows.push({ row, url: domain, kind: "domain", includeSubdomains: /^(true|yes|1)$/i.test(cell(subdomainsColumn)), ...record });
      const url = cell(canonicalColumn) || cell(column);
      if (url === "") {
        if (!company && !domain)
          problems.push({ row, problem: named >= 0 ? "No URL in the “url” column." : "No URL in the first column." });
        continue;
      }
      const aliases = cell(aliasesColumn).split(/\s+/).filter(Boolean);
      const kind = cell(kindColumn).toLowerCase();
      rows.push({
        row,
        url,
        ...(aliases.length > 0 ? { aliases } : {}),
        ...(kind === "company" || kind === "domain" ? { kind } : {}),
        ...(kind === "domain" ? { includeSubdomains: /^(true|yes|1)$/i.test(cell(subdomainsColumn)) } : {}),
        ...record,
      });
    }
  }
  return { rows, problems };
}

type CsvRecord = Pick<CsvRow, "category" | "receivedAt" | "expiresAt" | "note">;

/** A row's category, date of receipt, expiry and note as the batch add takes them, or why the row cannot be imported. */
function recordOf({
  category,
  receivedAt,
  expires,
  note,
}: {
  category: string;
  receivedAt: string;
  expires: string;
  note: string;
}): CsvRecord | string {
  const record: CsvRecord = {};
  if (category) {
    const known = ENTRY_CATEGORIES.find((name) => name === category.toLowerCase());
    if (!known) return `The category “${category}” is not one of ${ENTRY_CATEGORIES.join(", ")}.`;
    record.category = known;
  }
  if (receivedAt) {
    const time = Date.parse(receivedAt);
    if (!ISO_INSTANT.test(receivedAt) || Number.isNaN(time)) return `received_at “${receivedAt}” is not an ISO 8601 date or date-time.`;
    if (time > Date.now()) return `received_at ${receivedAt} is in the future.`;
    record.receivedAt = receivedAt;
  }
  if (expires) {
    const expiry = expiresAtSchema.safeParse(expires);
    if (!expiry.success) return `“${expires}” in “expires_at” is not an ISO 8601 date or date-time in the future.`;
    record.expiresAt = expiry.data.toISOString();
  }
  if (note) {
    if (note.length > MAX_TEXT_FIELD_LENGTH)
      return `The note has ${note.length} characters; a note has at most ${MAX_TEXT_FIELD_LENGTH}, so shorten it or leave it out.`;
    record.note = note;
  }
  return record;
}

/** What the API takes as an instant: a date, or a date and time with a zone. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes:
    "A quote opened in this row is never closed: the rest of the file was read as part of this row, so no row after it could be read.",
  InvalidQuotes: "A quoted field has text after its closing quote.",
};
