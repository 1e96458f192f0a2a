import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { AuditEventInput } from "@/lib/audit/audit-event";
import { changeTeamList } from "@/lib/cache";
import { auditedWrite } from "@/lib/db/audited-write";
import { type Db, getDb, type Prisma } from "@/lib/db";
import { insertEntryUnlessListed } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import type { WebhookEventType } from "@/lib/webhooks/events";
import { identifierHolder, identifierTaken } from "./entry-aliases";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/**
 * Puts one entry on its team's list (a new one, or a removed one brought back) in one audited write:
 * the insert unless the URL is listed (as an entry's URL or an alias), its audit event and its webhook deliveries only if it went in,
 * then `after`. The team's cached answers are invalidated around the change. A listed URL is
 * `dnc_exists`, with nothing written, naming the entry that holds it (`heldBy`).
 */
export async function listEntry(options: {
  entry: EntryRow;
  at: Date;
  event: Omit<AuditEventInput, "teamId" | "targetId" | "url">;
  webhook: { type: WebhookEventType; data: unknown };
  after?: (db: Db) => Prisma.PrismaPromise<unknown>[];
}) {
  const { entry, at } = options;
  const { changed, deliveriesQueued } = await changeTeamList(entry.teamId, () =>
    auditedWrite(auditChain, {
      teamId: entry.teamId,
      at,
      change: insertEntryUnlessListed(entry),
      events: [{ ...options.event, teamId: entry.teamId, targetId: entry.id, url: entry.url }],
      deliveries: webhookDeliveries({ ...options.webhook, at }),
      after: options.after,
    }),
  );
  if (changed === 0) {
    // Read after the write that did not happen: the entry that holds the URL, as its URL or an alias.
    const holder = await identifierHolder(await getDb(), entry.teamId, [entry.url]);
    throw holder ? identifierTaken(holder) : new AppError("dnc_exists");
  }
  if (deliveriesQueued > 0) wakeWebhookWorker();
  return serializeEntry(entry);
}
