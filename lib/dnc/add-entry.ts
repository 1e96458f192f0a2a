import "server-only";
import { type Caller, entryAuthor } from "@/lib/auth/caller";
import { AppError } from "@/lib/errors";
import { newEntryId } from "@/lib/ids";
import { listEntry } from "./list-entry";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import type { EntrySource } from "./schemas";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/**
 * Adds one URL to the caller's team list.
 * 1. Normalise the URL (invalid → `invalid_url`).
 * 2. One audited write (listEntry): insert unless the team already lists the URL, with its provenance (who, from
 *    where, why), and the `dnc.added` audit row written only if the insert happened (nothing inserted →
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
  return listEntry({
    entry,
    at: now,
    event: { action: "dnc.added", actor, reason: note ?? undefined, source: options.source, requestId: options.requestId },
    webhook: { type: "dnc.added", data: { entries: [serializeEntry(entry)] } },
  });
}
