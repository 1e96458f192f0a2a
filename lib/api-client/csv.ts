import Papa from "papaparse";

/**
 * OWASP's CSV-injection rule: a spreadsheet reads a cell that starts with one of these as a formula,
 * so such a cell gets a leading `'`. Papaparse's own pattern (`/^[=+\-@\t\r].*$/`) misses a cell
 * that continues on a second line, hence ours.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The rows as CSV text, every text cell safe to open in a spreadsheet (numbers are left as they are). */
export function toCsv(rows: Record<string, unknown>[], columns: string[]): string {
  return Papa.unparse(
    { fields: columns, data: rows.map((row) => columns.map((column) => row[column] ?? "")) },
    { escapeFormulae: FORMULA_START },
  );
}

/** Offers the rows as a CSV file download without a server round trip. */
export function downloadCsv(filename: string, rows: Record<string, unknown>[], columns: string[]) {
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

/**
 * The URLs of an uploaded CSV with their row numbers as a spreadsheet shows them: the column named
 * "url" (any case) below its header, or else the first column of every row.
 */
export function urlsFromCsv(text: string): { row: number; url: string }[] {
  // Blank lines are kept while numbering, so the numbers match the file; rows without a URL are dropped after.
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false });
  const [header] = parsed.data;
  if (!header) return [];
  const named = header.findIndex((cell) => cell.trim().toLowerCase() === "url");
  const column = named >= 0 ? named : 0;
  const firstRow = named >= 0 ? 1 : 0;
  return parsed.data
    .map((cells, index) => ({ row: index + 1, url: (cells[column] ?? "").trim() }))
    .slice(firstRow)
    .filter((r) => r.url !== "");
}
