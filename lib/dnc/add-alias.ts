import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import { type Caller, entryAuthor } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache";
import { getDb } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { insertAliasUnlessHeld } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { wakeWebhookWorker } from "@/lib/webhooks/outbox";
import { authorizeEntryDeletion, type EntryToDelete } from "./delete-entry";
import { aliasChangeRecords, aliasesOf, identifierHolder, identifierTaken } from "./entry-aliases";
import { parseLinkedInIdentifier, storedForms } from "./normalize-linkedin-url";
import { type DncEntryDto, MAX_ALIASES_PER_ENTRY } from "./schemas";
import { serializeEntry } from "./serialize-entry";

/**
 * Gives one of the team's entries another identifier of its person (an alias).
 * 1. The identifier must be one (`invalid_url`); the entry must be the caller's team's (a malformed
 *    or unknown id → `dnc_not_found`, another team's → `unauthorized_dnc`, checked by the route
 *    before the rate limit, as DELETE /dnc/{id} does), and a person's (`alias_not_allowed`).
 * 2. One audited write: insert the alias unless the team holds the identifier already, as an
 *    entry's URL or an alias (the entry's own URL included), only while the entry is listed and has
 *    fewer than 20 aliases; the `dnc.alias_added` audit row and its webhook deliveries only if it went in.
 * 3. Nothing went in: `dnc_exists` naming the entry that holds it (read after the write),
 *    `too_many_aliases`, or `dnc_not_found` when the entry was removed meanwhile.
 * 4. The team's cached answers are invalidated around the change.
 * Answers the entry with its aliases.
 */
export async function addAlias(options: {
  caller: Caller;
  id: string;
  url: string;
  requestId: string;
  authorized?: EntryToDelete;
}): Promise<DncEntryDto> {
  const identifier = parseLinkedInIdentifier(options.url);
  if (!identifier) throw new AppError("invalid_url");
  const { teamId, actor } = options.caller;
  const entry = options.authorized === undefined ? await authorizeEntryDeletion(options) : options.authorized;
  if (!entry || entry.id !== options.id) throw new AppError("dnc_not_found");
  if (entry.kind !== "profile") throw new AppError("alias_not_allowed");

  const alias = identifier.canonical;
  const forms = storedForms(identifier);
  const now = new Date();
  const { changed, deliveriesQueued } = await changeTeamList(teamId, () =>
    auditedWrite(auditChain, {
      teamId,
      at: now,
      change: insertAliasUnlessHeld(
        { teamId, url: alias, clientId: entry.clientId, entryId: entry.id, createdAt: now, createdBy: entryAuthor(options.caller) },
        forms,
        { maxPerEntry: MAX_ALIASES_PER_ENTRY },
      ),
      ...aliasChangeRecords({
        action: "dnc.alias_added",
        actor,
        requestId: options.requestId,
        entry: { ...entry, teamId },
        alias,
        at: now,
      }),
    }),
  );
  const db = await getDb();
  if (changed === 0) {
    const holder = await identifierHolder(db, { teamId, clientId: entry.clientId }, forms);
    if (holder) throw identifierTaken(holder);
    const listed = await db.dncEntry.count({ where: { id: entry.id, teamId } });
    throw new AppError(listed > 0 ? "too_many_aliases" : "dnc_not_found");
  }
  if (deliveriesQueued > 0) wakeWebhookWorker();
  return readEntry(teamId, entry.id);
}

/** The team's entry as the API shows it, with its aliases; `dnc_not_found` when it is gone. */
export async function readEntry(teamId: string, id: string): Promise<DncEntryDto> {
  const db = await getDb();
  const row = await db.dncEntry.findFirst({ where: { id, teamId } });
  if (!row) throw new AppError("dnc_not_found");
  return serializeEntry(row, (await aliasesOf(db, teamId, [id])).get(id));
}
