import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache/team-cache";
import { Prisma } from "@/lib/db";
import { changeWithAudit } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { newEntryId } from "@/lib/ids";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import { serializeEntry } from "./serialize-entry";

export type EntrySource = "api" | "batch" | "dashboard" | "import";

/**
 * Adds one URL to the caller's team list.
 * 1. Normalise the URL (invalid → `invalid_url`).
 * 2. Insert unless the team already lists the URL, with the `dnc.added` audit row written only if
 *    the insert happened (nothing inserted → `dnc_exists`, nothing recorded).
 * 3. The team's cached answers are invalidated around the change.
 */
export async function addEntry(options: { caller: Caller; url: string; note?: string; source: EntrySource; requestId: string }) {
  const url = normalizeLinkedInUrl(options.url);
  if (!url) throw new AppError("invalid_url");
  const { teamId, actor } = options.caller;

  const now = new Date();
  const entry = { id: newEntryId(), teamId, url, createdAt: now, updatedAt: now };
  const inserted = await changeTeamList(teamId, () =>
    changeWithAudit(
      Prisma.sql`INSERT INTO "DncEntry" ("id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source", "note")
        VALUES (${entry.id}, ${teamId}, ${url}, ${now}, ${now}, ${actor}, ${options.source}, ${options.note ?? null})
        ON CONFLICT ("teamId", "url") DO NOTHING`,
      { teamId, action: "dnc.added", actor, targetId: entry.id, url, reason: options.note, requestId: options.requestId },
      now,
    ),
  );
  if (inserted === 0) throw new AppError("dnc_exists");
  return serializeEntry(entry);
}
