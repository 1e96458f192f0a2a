import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/db";
import type { auditEventSchema, ListAuditQuery } from "./schemas";

/** One page of the team's audit trail, newest first. */
export async function listAuditEvents(options: { teamId: string } & ListAuditQuery) {
  const db = await getDb();
  const where = { teamId: options.teamId, ...(options.action ? { action: options.action } : {}) };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: options.offset,
      take: options.limit,
    }),
    db.auditEvent.count({ where }),
  ]);
  const events = rows.map((row): z.output<typeof auditEventSchema> => ({
    $id: row.id,
    teamId: row.teamId,
    action: row.action as z.output<typeof auditEventSchema>["action"],
    actor: row.actor,
    targetId: row.targetId,
    url: row.url,
    reason: row.reason,
    requestId: row.requestId,
    $createdAt: row.createdAt.toISOString(),
  }));
  return { events, total, limit: options.limit, offset: options.offset };
}
