import "server-only";
import { type Db, Prisma } from "@/lib/db";
import type { AuditEventInput } from "@/lib/audit/audit-event";
import { clientIdField } from "@/lib/clients/client-scope";
import { AppError } from "@/lib/errors";
import { webhookDeliveries } from "@/lib/webhooks/outbox";
import { parseIdentifierSegment, storedForms } from "./normalize-linkedin-url";

/** Entry ids per query: SQLite binds at most 999 parameters per statement. */
const IDS_PER_QUERY = 500;

/**
 * The aliases of these entries, by entry id, each entry's in URL order: one query per 500 entries
 * (a list page or a check's hits are one), never one per entry. Entries without aliases are absent.
 */
export async function aliasesOf(db: Db, teamId: string, entryIds: string[]): Promise<Map<string, string[]>> {
  const byEntry = new Map<string, string[]>();
  const ids = [...new Set(entryIds)];
  for (let start = 0; start < ids.length; start += IDS_PER_QUERY) {
    const rows = await db.$queryRaw<{ entryId: string; url: string }[]>`
      SELECT "entryId", "url" FROM "EntryAlias"
      WHERE "teamId" = ${teamId} AND "entryId" IN (${Prisma.join(ids.slice(start, start + IDS_PER_QUERY))})`;
    for (const row of rows) byEntry.set(row.entryId, [...(byEntry.get(row.entryId) ?? []), row.url]);
  }
  // Sorted here, by code unit, so both engines answer in one order whatever PostgreSQL's collation.
  for (const aliases of byEntry.values()) aliases.sort();
  return byEntry;
}

/** The entry holding an identifier, as a 409 `dnc_exists` names it: its id and its own (primary) URL. */
export type IdentifierHolder = { $id: string; url: string };

/**
 * Which entry on the list (the team's global list, or a client's) holds one of `forms`, as its URL
 * or as an alias; null when none does.
 */
export async function identifierHolder(
  db: Db,
  list: { teamId: string; clientId: string },
  forms: string[],
): Promise<IdentifierHolder | null> {
  const urls = Prisma.join(forms);
  const { teamId, clientId } = list;
  // Two index lookups (an OR of the two would walk the team's entries on SQLite).
  const [row] = await db.$queryRaw<{ id: string; url: string }[]>`
    SELECT "id", "url" FROM "DncEntry" WHERE "teamId" = ${teamId} AND "url" IN (${urls}) AND "clientId" = ${clientId}
    UNION ALL
    SELECT "id", "url" FROM "DncEntry"
    WHERE "id" IN (SELECT "entryId" FROM "EntryAlias" WHERE "teamId" = ${teamId} AND "url" IN (${urls}) AND "clientId" = ${clientId})`;
  return row ? { $id: row.id, url: row.url } : null;
}

/** 409 `dnc_exists` naming the entry that holds the identifier (`heldBy`), an extension beside Kakiyo's code and message. */
export function identifierTaken(holder: IdentifierHolder): AppError {
  return new AppError("dnc_exists", undefined, { heldBy: holder });
}

/** The aliases a removal kept (RemovedEntry.aliases, a JSON array), or none. */
export function parseStoredAliases(stored: string | null): string[] {
  if (!stored) return [];
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? parsed.filter((value): value is string => typeof value === "string").sort() : [];
}

/** An alias as a path segment names it (lib/dnc/normalize-linkedin-url.ts): its canonical form and the forms it may be stored under, or null. */
export function aliasFromPath(segment: string): { canonical: string; forms: string[] } | null {
  const identifier = parseIdentifierSegment(segment);
  return identifier ? { canonical: identifier.canonical, forms: storedForms(identifier) } : null;
}

/**
 * The audit event and the webhook deliveries of one alias added to or taken off an entry: the
 * entry's id, URL and list (its client, when it is a client's), and the alias.
 */
export function aliasChangeRecords(change: {
  action: "dnc.alias_added" | "dnc.alias_removed";
  actor: string;
  requestId: string;
  entry: { id: string; url: string; teamId: string; clientId: string };
  alias: string;
  at: Date;
}): { events: AuditEventInput[]; deliveries: ReturnType<typeof webhookDeliveries> } {
  const { action, entry, alias } = change;
  const list = clientIdField(entry.clientId);
  return {
    events: [{ teamId: entry.teamId, action, actor: change.actor, targetId: entry.id, url: alias, requestId: change.requestId, ...list }],
    deliveries: webhookDeliveries({ type: action, at: change.at, data: { id: entry.id, url: entry.url, alias, ...list } }),
  };
}
