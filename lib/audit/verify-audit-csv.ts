import Papa from "papaparse";
import { AUDIT_CSV_COLUMNS, type AuditCsvColumn } from "./audit-csv";
import { ChainWalker, type ChainVerdict, type StoredChainedEvent } from "./chain";

/** Columns an older export lacks: none of its events had the value, so the chain verifies without them. */
const ADDED_LATER: ReadonlySet<AuditCsvColumn> = new Set(["client_id"]);

/**
 * Checks an exported file against its own hash chain. The export writes a leading `'` before any
 * cell a spreadsheet could read as a formula (or that starts with `'` itself), so exactly one is
 * taken off again; an empty cell is an absent value.
 */
export function verifyAuditCsv(text: string): ChainVerdict & { teams: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true });
  const missing = AUDIT_CSV_COLUMNS.filter((column) => !parsed.meta.fields?.includes(column) && !ADDED_LATER.has(column));
  if (missing.length > 0) throw new TypeError(`not an audit export: the columns ${missing.join(", ")} are missing`);

  const cell = (row: Record<string, string>, column: AuditCsvColumn) => {
    const raw = row[column] ?? "";
    const value = raw.startsWith("'") ? raw.slice(1) : raw;
    return value === "" ? null : value;
  };
  const byId = new Map<string, StoredChainedEvent>();
  for (const row of parsed.data) {
    const sequence = cell(row, "sequence");
    const event: StoredChainedEvent = {
      id: cell(row, "id") ?? "",
      teamId: cell(row, "team_id") ?? "",
      sequence: sequence === null ? null : Number(sequence),
      action: cell(row, "action") ?? "",
      actor: cell(row, "actor") ?? "",
      targetId: cell(row, "target"),
      url: cell(row, "url"),
      reason: cell(row, "reason"),
      requestId: cell(row, "request_id"),
      undoes: cell(row, "undoes"),
      source: cell(row, "source"),
      sourceFile: cell(row, "source_file"),
      clientId: cell(row, "client_id"),
      createdAt: cell(row, "time") ?? "",
      prevHash: cell(row, "prev_hash"),
      hash: cell(row, "hash"),
    };
    byId.set(event.id, event);
  }
  const events = [...byId.values()];
  const teams = [...new Set(events.map((event) => event.teamId))];
  if (teams.length > 1) throw new TypeError(`the file mixes the events of ${teams.length} teams`);
  const walker = new ChainWalker();
  const chained = events.filter((event) => event.sequence !== null).sort((a, b) => a.sequence! - b.sequence!);
  for (const event of chained) if (!walker.add(event)) return { ...walker.verdict(), teams };
  const outside = events.find((event) => event.sequence === null);
  if (outside) walker.addUnchained(outside);
  return { ...walker.verdict(), teams };
}
