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

/**
 * Removes one entry, as Kakiyo's DELETE /dnc/{id} does, keeping it restorable.
 * 1. A malformed or unknown id → `dnc_not_found`; another team's entry → `unauthorized_dnc`.
 * 2. One transaction: copy the entry as it is to RemovedEntry (with who removed it, why, and the
 *    id of the audit event), delete it scoped to the caller's team, and write the `dnc.deleted`
 *    audit row and its `dnc.deleted` webhook deliveries only if a row was deleted; removals past the restore window are dropped on the way.
 *    A concurrent delete that got there first leaves this one deleting nothing → `dnc_not_found`,
 *    no copy and no second audit row.
 * 3. The team's cached answers are invalidated around the change, so the next check on any
 *    instance answers `onList: false`.
 */
export async function deleteEntry(options: { caller: Caller; id: string; reason?: string; requestId: string }) {
  const { teamId, actor } = options.caller;
  const entry = await authorizeEntryDeletion(options);
  if (!entry) throw new AppError("dnc_not_found");

  const now = new Date();
  const eventId = newAuditEventId(now.getTime());
  const [, , deleted] = await changeTeamList(teamId, () =>
    writeTransaction((writer) => [
      writer.$executeRaw`DELETE FROM "RemovedEntry" WHERE "teamId" = ${teamId} AND "removedAt" < ${restoreCutoff(now)}`,
      writer.$executeRaw`
        INSERT INTO "RemovedEntry" (${ENTRY_REMOVAL_COLUMNS})
        SELECT "id", "teamId", "url", "createdAt", "createdBy", "source", "sourceFile", "note", ${now}, ${actor}, ${options.reason ?? null}, ${eventId}
        FROM "DncEntry" WHERE "id" = ${options.id} AND "teamId" = ${teamId}
        ON CONFLICT ("id") DO NOTHING`,
      ...auditedChange(
        writer,
        Prisma.sql`DELETE FROM "DncEntry" WHERE "id" = ${options.id} AND "teamId" = ${teamId}`,
        {
          id: eventId,
          teamId,
          action: "dnc.deleted",
          actor,
          targetId: options.id,
          url: entry.url,
          reason: options.reason,
          requestId: options.requestId,
        },
        now,
      ),
      webhookDeliveries(writer, {
        teamId,
        eventId,
        type: "dnc.deleted",
        at: now,
        data: { id: options.id, url: entry.url, reason: options.reason ?? null },
      }),
    ]),
  );
  if (Number(deleted) === 0) throw new AppError("dnc_not_found");
  wakeWebhookWorker();
}

/**
 * Another team's entry is refused with 403 `unauthorized_dnc`, as Kakiyo does. The route runs this
 * before the rate limit, so such a request spends none of the team's budget; the entry (or null for
 * a malformed or unknown id) is returned for the delete itself.
 */
export async function authorizeEntryDeletion(options: { caller: Caller; id: string }): Promise<{ url: string } | null> {
  if (!entryIdSchema.safeParse(options.id).success) return null;
  const db = await getDb();
  const [entry] = await db.$queryRaw<{ teamId: string; url: string }[]>`SELECT "teamId", "url" FROM "DncEntry" WHERE "id" = ${options.id}`;
  if (entry && entry.teamId !== options.caller.teamId) throw new AppError("unauthorized_dnc");
  return entry ?? null;
}

const ENTRY_REMOVAL_COLUMNS = Prisma.raw(
  `"id", "teamId", "url", "createdAt", "createdBy", "source", "sourceFile", "note", "removedAt", "removedBy", "reason", "removalEventId"`,
);
