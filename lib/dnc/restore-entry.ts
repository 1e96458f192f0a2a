import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { Caller } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache";
import { getDb } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { dropRemovalOfRestored, insertEntryUnlessListed } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import { restoreCutoff } from "./restore-window";
import { entryIdSchema } from "./schemas";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/**
 * Brings a removed entry back as it was: its id, creation date, provenance and note.
 * 1. The id must name an entry this team removed within the restore window; anything else, another
 *    team's id included, is `dnc_not_found`. An id that is on the list (restored already), or a
 *    URL that was added again since, is `dnc_exists`.
 * 2. One audited write: insert the entry back unless the URL is listed (`ON CONFLICT DO NOTHING`),
 *    write the `dnc.restored` audit row naming the `dnc.deleted` event it undoes and its `dnc.restored`
 *    webhook deliveries only if it went in, and drop the removal record only if the entry is back.
 * 3. The team's cached answers are invalidated around the change.
 */
export async function restoreEntry(options: { caller: Caller; id: string; reason?: string; requestId: string }) {
  if (!entryIdSchema.safeParse(options.id).success) throw new AppError("dnc_not_found");
  const { teamId, actor } = options.caller;

  const db = await getDb();
  const removed = await db.removedEntry.findFirst({ where: { id: options.id, teamId, removedAt: { gte: restoreCutoff() } } });
  if (!removed) {
    const listed = await db.dncEntry.findFirst({ where: { id: options.id, teamId }, select: { id: true } });
    throw new AppError(listed ? "dnc_exists" : "dnc_not_found");
  }

  const now = new Date();
  const { id, url, createdAt, createdBy, source, sourceFile, note, removalEventId } = removed;
  const entry: EntryRow = { id, teamId, url, createdAt, updatedAt: now, createdBy, source, sourceFile, note };
  const { changed, deliveriesQueued } = await changeTeamList(teamId, () =>
    auditedWrite(auditChain, {
      teamId,
      at: now,
      change: insertEntryUnlessListed(entry),
      events: [
        {
          teamId,
          action: "dnc.restored",
          actor,
          targetId: entry.id,
          url: entry.url,
          reason: options.reason,
          requestId: options.requestId,
          undoes: removalEventId,
        },
      ],
      deliveries: webhookDeliveries({ type: "dnc.restored", at: now, data: { entry: serializeEntry(entry) } }),
      after: (db) => [dropRemovalOfRestored(db, entry)],
    }),
  );
  if (changed === 0) throw new AppError("dnc_exists");
  if (deliveriesQueued > 0) wakeWebhookWorker();
  return serializeEntry(entry);
}
