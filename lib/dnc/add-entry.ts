import "server-only";
import { type Caller, entryAuthor } from "@/lib/auth/caller";
import { listToAddTo } from "@/lib/clients/client-scope";
import { AppError } from "@/lib/errors";
import { newEntryId } from "@/lib/ids";
import { listEntry } from "./list-entry";
import { type EntryIdentifierInput, parseEntryIdentifier } from "./entry-identifier";
import type { EntrySource } from "./schemas";
import { ENTRY_DEFAULTS, type EntryRow, serializeEntry } from "./serialize-entry";
import { type EntryRecordInput, entryRecord, mayExpireProtected } from "./entry-record";

/**
 * Adds one entry to the caller's team list: a person, a company page or a domain.
 * 1. Normalise what it names (lib/dnc/entry-identifier.ts; invalid → `invalid_url` or `invalid_domain`);
 *    its category, and whether it is late (added past its receivedAt plus the team's opt-out window).
 * 2. One audited write (listEntry): insert unless the list it goes on (the team's global list, or
 *    the client's it names) has the URL already, with its provenance (who, from
 *    where, why), and the `dnc.added` audit row written only if the insert happened (nothing inserted →
 *    `dnc_exists`, nothing recorded), and a `dnc.added` webhook delivery per subscribed endpoint
 *    under the same condition.
 * 3. The team's cached answers are invalidated around the change.
 */
export async function addEntry(
  options: {
    caller: Caller;
    note?: string;
    expiresAt?: Date;
    /** The client whose list it goes on (null or absent: the global list); see lib/clients/client-scope.ts. */
    clientId?: string | null;
    source: EntrySource;
    requestId: string;
  } & EntryIdentifierInput &
    EntryRecordInput,
) {
  const identifier = parseEntryIdentifier(options);
  if (typeof identifier === "string") throw new AppError(identifier);
  if (options.expiresAt && !mayExpireProtected(options.caller, options.category)) throw new AppError("protected_entry");
  const { teamId, actor } = options.caller;
  const clientId = await listToAddTo(options.caller, options.clientId);

  const now = new Date();
  const note = options.note?.trim() || null;
  const entry: EntryRow = {
    id: newEntryId(),
    teamId,
    ...identifier,
    createdAt: now,
    updatedAt: now,
    createdBy: entryAuthor(options.caller),
    source: options.source,
    sourceFile: null,
    note,
    ...ENTRY_DEFAULTS,
    expiresAt: options.expiresAt ?? null,
    clientId,
    ...(await entryRecord(teamId, options, now)),
  };
  return listEntry({
    entry,
    at: now,
    event: { action: "dnc.added", actor, reason: note ?? undefined, source: options.source, requestId: options.requestId },
    webhook: { type: "dnc.added", data: { entries: [serializeEntry(entry)] } },
  });
}
