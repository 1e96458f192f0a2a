import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { AuditEventInput } from "@/lib/audit/audit-event";
import { changeTeamList } from "@/lib/cache";
import { auditedWrite } from "@/lib/db/audited-write";
import { type Db, getDb, type Prisma } from "@/lib/db";
import { insertAliasUnlessHeld, insertEntryUnlessListed } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { type IdentifierHolder, identifierHolder, identifierTaken } from "./entry-aliases";
import { expireIfDue } from "./expiry-sweeper";
import { formsOfCanonical } from "./normalize-linkedin-url";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/** One of the aliases given to listEntry was taken by another entry between its caller's read and the write. */
export class AliasTakenMeanwhile extends Error {}

/**
 * Puts one entry on its team's list (a new one, or a removed one brought back) in one audited write:
 * the insert unless its URL is listed (as an entry's URL or an alias, in any form it may be stored
 * under) or one of `aliases` is, its audit event, a `dnc.alias_added` event and the row of each alias,
 * and its webhook deliveries, all only if it went in; then `after`. The team's cached answers are
 * invalidated around the change. A listed URL is `dnc_exists`, with nothing written, naming the
 * entry that holds it (`heldBy`); a listed alias is `AliasTakenMeanwhile`, for the caller to read
 * again which are free. An entry past its expiry that holds the URL is expired first (it is off the
 * list already, only not swept yet), and the entry goes in.
 */
export async function listEntry(options: Parameters<typeof listEntryOnce>[0]): Promise<ReturnType<typeof serializeEntry>> {
  try {
    return await listEntryOnce(options);
  } catch (error) {
    // Held by an entry past its expiry that no sweep has moved yet: it is off the list, so it goes now and this goes in.
    const holder =
      error instanceof AppError && error.code === "dnc_exists" ? (error.extra.heldBy as IdentifierHolder | undefined) : undefined;
    if (holder && (await expireIfDue(options.entry.teamId, holder.$id))) return listEntryOnce(options);
    throw error;
  }
}

async function listEntryOnce(options: {
  entry: EntryRow;
  at: Date;
  event: Omit<AuditEventInput, "teamId" | "targetId" | "url">;
  webhook: { type: WebhookEventType; data: unknown };
  /** Identifiers of the same person that go in with the entry; the caller read that they are free. */
  aliases?: { urls: string[]; createdBy: string; event: Omit<AuditEventInput, "teamId" | "targetId" | "url" | "action"> };
  after?: (db: Db) => Prisma.PrismaPromise<unknown>[];
}) {
  const { entry, at } = options;
  const aliases = options.aliases?.urls ?? [];
  const forms = formsOfCanonical(entry.url);
  const { teamId } = entry;
  const { changed, deliveriesQueued } = await changeTeamList(teamId, () =>
    auditedWrite(auditChain, {
      teamId,
      at,
      // The insert's condition covers every alias too: when it goes in, each alias row below does, so
      // each alias_added event (written only with the insert) describes a row that was written.
      change: insertEntryUnlessListed(entry, [...forms, ...aliases.flatMap(formsOfCanonical)]),
      events: [
        { ...options.event, teamId, targetId: entry.id, url: entry.url, clientId: entry.clientId },
        ...aliases.map((url) => ({
          ...options.aliases!.event,
          action: "dnc.alias_added" as const,
          teamId,
          targetId: entry.id,
          url,
          clientId: entry.clientId,
        })),
      ],
      deliveries: webhookDeliveries({ ...options.webhook, at }),
      after: (db) => [
        ...aliases.map((url) =>
          db.$executeRaw(
            insertAliasUnlessHeld(
              { teamId, url, clientId: entry.clientId, entryId: entry.id, createdAt: at, createdBy: options.aliases!.createdBy },
              formsOfCanonical(url),
              {
                entryUpdatedAt: entry.updatedAt,
              },
            ),
          ),
        ),
        ...(options.after?.(db) ?? []),
      ],
    }),
  );
  if (changed === 0) {
    // Read after the write that did not happen: the entry that holds the URL, as its URL or an alias.
    const holder = await identifierHolder(await getDb(), entry, forms);
    if (holder) throw identifierTaken(holder);
    throw aliases.length > 0 ? new AliasTakenMeanwhile() : new AppError("dnc_exists");
  }
  if (deliveriesQueued > 0) wakeWebhookWorker();
  return serializeEntry(entry, [...aliases].sort());
}
