import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { dropRemovalOfRestored } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { listEntry } from "./list-entry";
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
  return listEntry({
    entry,
    at: now,
    event: { action: "dnc.restored", actor, reason: options.reason, requestId: options.requestId, undoes: removalEventId },
    webhook: { type: "dnc.restored", data: { entry: serializeEntry(entry) } },
    after: (db) => [dropRemovalOfRestored(db, entry)],
  });
}
