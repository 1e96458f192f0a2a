import type { DncEntryDto, EntrySource } from "@/lib/dnc/schemas";

export const SOURCE_LABELS: Record<EntrySource, string> = {
  dashboard: "Dashboard",
  api: "API",
  batch: "Batch",
  import: "Import",
};

/** Where an entry came from, with the file's name for an import: "Import · leads.csv". */
export function describeSource(entry: Pick<DncEntryDto, "source" | "sourceFile">): string {
  const label = SOURCE_LABELS[entry.source];
  return entry.source === "import" && entry.sourceFile ? `${label} · ${entry.sourceFile}` : label;
}
