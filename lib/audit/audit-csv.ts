import type { AuditEvent } from "./schemas";

/**
 * The audit CSV export: what people read first, then everything the hash chain covers, so that
 * `npm run audit -- verify --file <export>` can check the file on its own. The dashboard writes it,
 * so nothing here may pull in the hashing code (verify-audit-csv.ts reads it back).
 */
export const AUDIT_CSV_COLUMNS = [
  "time",
  "action",
  "actor",
  "url",
  "target",
  "reason",
  "request_id",
  "source",
  "source_file",
  "undoes",
  "client_id",
  "id",
  "team_id",
  "sequence",
  "prev_hash",
  "hash",
] as const;

export type AuditCsvColumn = (typeof AUDIT_CSV_COLUMNS)[number];

export function auditCsvRow(event: AuditEvent): Record<AuditCsvColumn, string | number | null> {
  return {
    time: event.$createdAt,
    action: event.action,
    actor: event.actor,
    url: event.url,
    target: event.targetId,
    reason: event.reason,
    request_id: event.requestId,
    source: event.source,
    source_file: event.sourceFile,
    undoes: event.undoes,
    client_id: event.clientId,
    id: event.$id,
    team_id: event.teamId,
    sequence: event.sequence,
    prev_hash: event.prevHash,
    hash: event.hash,
  };
}
