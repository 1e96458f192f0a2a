import "server-only";
import { getDb } from "@/lib/db";
import { normalizeLinkedInUrl } from "@/lib/dnc/normalize-linkedin-url";
import { AppError } from "@/lib/errors";
import type { AuditEvent, ListAuditQuery } from "./schemas";

/** One page of the team's audit trail, newest first unless asked otherwise; with `url`, one profile's history. */
export async function listAuditEvents(options: { teamId: string } & ListAuditQuery) {
  const url = options.url === undefined ? undefined : normalizeLinkedInUrl(options.url);
  if (url === null) throw new AppError("invalid_url");
  const db = await getDb();
  const where = { teamId: options.teamId, ...(options.action ? { action: options.action } : {}), ...(url ? { url } : {}) };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: options.order }, { id: options.order }],
      skip: options.offset,
      take: options.limit,
    }),
    db.auditEvent.count({ where }),
  ]);
  const events = rows.map((row): AuditEvent => ({
    $id: row.id,
    teamId: row.teamId,
    action: row.action as AuditEvent["action"],
    actor: row.actor,
    targetId: row.targetId,
    url: row.url,
    reason: row.reason,
    requestId: row.requestId,
    undoes: row.undoes,
    source: row.source,
    sourceFile: row.sourceFile,
    $createdAt: row.createdAt.toISOString(),
    sequence: row.sequence,
    prevHash: row.prevHash,
    hash: row.hash,
  }));
  return { events, total, limit: options.limit, offset: options.offset };
}
