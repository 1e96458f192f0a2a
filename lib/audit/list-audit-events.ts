import "server-only";
import { getDb } from "@/lib/db";
import { normalizeCompany, normalizeDomain } from "@/lib/dnc/company-and-domain";
import { normalizeLinkedInUrl } from "@/lib/dnc/normalize-linkedin-url";
import { AppError } from "@/lib/errors";
import type { AuditEvent, ListAuditQuery } from "./schemas";

const ALIAS_ACTIONS = ["dnc.alias_added", "dnc.alias_removed"];

/**
 * One page of the team's audit trail, newest first unless asked otherwise. With `url` (a profile,
 * company page or domain, in any accepted spelling), one entry's history: the events about that
 * identifier, and the alias events of the entries it has named (alias events carry the alias as
 * their URL, and would otherwise be missing from the history of the entry they changed). With
 * `clientId` (a client-bound key's), only the events of the global list and the team, and that client's.
 */
export async function listAuditEvents(options: { teamId: string; clientId?: string } & ListAuditQuery) {
  const url = options.url === undefined ? undefined : historyIdentifier(options.url);
  if (url === null) throw new AppError("invalid_url");
  const db = await getDb();
  const entryIds = url
    ? (
        await db.auditEvent.findMany({
          where: { teamId: options.teamId, url, targetId: { not: null } },
          select: { targetId: true },
          distinct: ["targetId"],
        })
      ).map((row) => row.targetId!)
    : [];
  const about = url ? { OR: [{ url }, { targetId: { in: entryIds }, action: { in: ALIAS_ACTIONS } }] } : {};
  // A client-bound key reads the team's events and its client's, never another client's.
  const ofClient = options.clientId === undefined ? {} : { OR: [{ clientId: null }, { clientId: options.clientId }] };
  const where = { teamId: options.teamId, ...(options.action ? { action: options.action } : {}), AND: [about, ofClient] };
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
    clientId: row.clientId,
    $createdAt: row.createdAt.toISOString(),
    sequence: row.sequence,
    prevHash: row.prevHash,
    hash: row.hash,
  }));
  return { events, total, limit: options.limit, offset: options.offset };
}

/** An entry's identifier as its history is asked for: a profile identifier, a company page, or a bare domain (a URL with a path is not one). */
function historyIdentifier(text: string): string | null {
  return normalizeLinkedInUrl(text) ?? normalizeCompany(text) ?? (/[/:@]/.test(text) ? null : normalizeDomain(text));
}
