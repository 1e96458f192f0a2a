import "server-only";
import { type Caller, entryAuthor } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache";
import { Prisma } from "@/lib/db";
import { auditedChange, writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { newAuditEventId, newEntryId } from "@/lib/ids";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import type { EntrySource } from "./schemas";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/**
 * Adds one URL to the caller's team list.
 * 1. Normalise the URL (invalid → `invalid_url`).
 * 2. Insert unless the team already lists the URL, with its provenance (who, from where, why) and
 *    the `dnc.added` audit row written only if the insert happened (nothing inserted →
 *    `dnc_exists`, nothing recorded), and a `dnc.added` webhook delivery per subscribed endpoint
 *    under the same condition.
 * 3. The team's cached answers are invalidated around the change.
 */
export async function addEntry(options: { caller: Caller; url: string; note?: string; source: EntrySource; requestId: string }) {
  const url = normalizeLinkedInUrl(options.url);
  if (!url) throw new AppError("invalid_url");
  const { teamId, actor } = options.caller;

  const now = new Date();
  const note = options.note?.trim() || null;
  const entry: EntryRow = {
    id: newEntryId(),
    teamId,
    url,
    createdAt: now,
    updatedAt: now,
    createdBy: entryAuthor(options.caller),
    source: options.source,
    sourceFile: null,
    note,
  };
  const eventId = newAuditEventId(now.getTime());
  const [inserted] = await changeTeamList(teamId, () =>
    writeTransaction((writer) => [
      ...auditedChange(
        writer,
        Prisma.sql`INSERT INTO "DncEntry" ("id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source", "note")
        VALUES (${entry.id}, ${teamId}, ${url}, ${now}, ${now}, ${entry.createdBy}, ${entry.source}, ${note})
        ON CONFLICT ("teamId", "url") DO NOTHING`,
        {
          id: eventId,
          teamId,
          action: "dnc.added",
          actor,
          targetId: entry.id,
          url,
          reason: note ?? undefined,
          source: options.source,
          requestId: options.requestId,
        },
        now,
      ),
      webhookDeliveries(writer, { teamId, eventId, type: "dnc.added", at: now, data: { entries: [serializeEntry(entry)] } }),
    ]),
  );
  if (Number(inserted) === 0) throw new AppError("dnc_exists");
  wakeWebhookWorker();
  return serializeEntry(entry);
}
