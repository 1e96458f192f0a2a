import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { auditEventRow } from "@/lib/audit/record-audit-event";
import { getCheckCache } from "@/lib/cache/check-cache";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { newEntryId } from "@/lib/ids";
import { isUniqueViolation } from "./is-unique-violation";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import { ENTRY_COLUMNS, serializeEntry } from "./serialize-entry";

export type EntrySource = "api" | "batch" | "dashboard" | "import";

/**
 * Adds one URL to the caller's team list.
 * 1. Normalise the URL (invalid → `invalid_url`).
 * 2. Insert the entry and its `dnc.added` audit row in one transaction (unique clash → `dnc_exists`).
 * 3. Invalidate the team's check cache, also when the transaction failed.
 */
export async function addEntry(options: {
  caller: Caller;
  url: string;
  note?: string;
  source: EntrySource;
  requestId: string;
}) {
  const url = normalizeLinkedInUrl(options.url);
  if (!url) throw new ApiError("invalid_url");
  const { teamId, actor } = options.caller;

  const db = await getDb();
  try {
    const now = new Date();
    const id = newEntryId();
    const [entry] = await db.$transaction([
      db.dncEntry.create({
        data: { id, teamId, url, createdBy: actor, source: options.source, note: options.note, createdAt: now, updatedAt: now },
        select: ENTRY_COLUMNS,
      }),
      db.auditEvent.create({
        data: auditEventRow({ teamId, action: "dnc.added", actor, targetId: id, url, reason: options.note, requestId: options.requestId }, now),
      }),
    ]);
    return serializeEntry(entry);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ApiError("dnc_exists");
    throw error;
  } finally {
    getCheckCache().invalidateTeam(teamId);
  }
}
