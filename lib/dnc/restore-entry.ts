import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache";
import { getDb, Prisma } from "@/lib/db";
import { auditedChange, writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { newAuditEventId } from "@/lib/ids";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import { restoreCutoff } from "./restore-window";
import { entryIdSchema } from "./schemas";
import { type EntryRow, serializeEntry } from "./serialize-entry";

type RemovedRow = EntryRow & { removalEventId: string };

/**
 * Brings a removed entry back as it was: its id, creation date, provenance and note.
 * 1. The id must name an entry this team removed within the restore window; anything else, another
 *    team's id included, is `dnc_not_found`. An id that is on the list (restored already), or a
 *    URL that was added again since, is `dnc_exists`.
 * 2. One transaction: insert the entry back unless the URL is listed (`ON CONFLICT DO NOTHING`),
 *    write the `dnc.restored` audit row naming the `dnc.deleted` event it undoes and its `dnc.restored`
 *    webhook deliveries only if it went in, and drop the removal record only if the entry is back.
 * 3. The team's cached answers are invalidated around the change.
 */
export async function restoreEntry(options: { caller: Caller; id: string; reason?: string; requestId: string }) {
  if (!entryIdSchema.safeParse(options.id).success) throw new AppError("dnc_not_found");
  const { teamId, actor } = options.caller;

  const db = await getDb();
  const [removed] = await db.$queryRaw<RemovedRow[]>`
    SELECT "id", "teamId", "url", "createdAt", "createdAt" AS "updatedAt", "createdBy", "source", "sourceFile", "note", "removalEventId"
    FROM "RemovedEntry"
    WHERE "id" = ${options.id} AND "teamId" = ${teamId} AND "removedAt" >= ${restoreCutoff()}`;
  if (!removed) {
    const [listed] = await db.$queryRaw<{ id: string }[]>`SELECT "id" FROM "DncEntry" WHERE "id" = ${options.id} AND "teamId" = ${teamId}`;
    throw new AppError(listed ? "dnc_exists" : "dnc_not_found");
  }

  const now = new Date();
  const entry: EntryRow = { ...removed, updatedAt: now };
  const eventId = newAuditEventId(now.getTime());
  const [restored] = await changeTeamList(teamId, () =>
    writeTransaction((writer) => [
      ...auditedChange(
        writer,
        Prisma.sql`INSERT INTO "DncEntry" ("id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source", "sourceFile", "note")
          VALUES (${entry.id}, ${teamId}, ${entry.url}, ${entry.createdAt}, ${now}, ${entry.createdBy}, ${entry.source}, ${entry.sourceFile}, ${entry.note})
          ON CONFLICT DO NOTHING`,
        {
          id: eventId,
          teamId,
          action: "dnc.restored",
          actor,
          targetId: entry.id,
          url: entry.url,
          reason: options.reason,
          requestId: options.requestId,
          undoes: removed.removalEventId,
        },
        now,
      ),
      webhookDeliveries(writer, { teamId, eventId, type: "dnc.restored", at: now, data: { entry: serializeEntry(entry) } }),
      writer.$executeRaw`DELETE FROM "RemovedEntry" WHERE "id" = ${entry.id} AND "teamId" = ${teamId}
        AND EXISTS (SELECT 1 FROM "DncEntry" WHERE "id" = ${entry.id} AND "teamId" = ${teamId} AND "updatedAt" = ${now})`,
    ]),
  );
  if (Number(restored) === 0) throw new AppError("dnc_exists");
  wakeWebhookWorker();
  return serializeEntry(entry);
}
