import Papa from "papaparse";

/** Offers text as a file download without a server round trip. */
export function downloadCsv(filename: string, rows: Record<string, unknown>[], columns: string[]) {
  const csv = Papa.unparse({ fields: columns, data: rows.map((row) => columns.map((column) => row[column] ?? "")) });
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
