import "server-only";
import { type Caller, entryAuthor } from "@/lib/auth/caller";
import { assertMayChange, mayRead } from "@/lib/clients/client-scope";
import { type Db, getDb, Prisma } from "@/lib/db";
import { dropRemovalOfRestored } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { parseStoredAliases } from "./entry-aliases";
import { AliasTakenMeanwhile, listEntry } from "./list-entry";
import { formsOfCanonical } from "./normalize-linkedin-url";
import { restoreCutoff } from "./restore-window";
import { entryIdSchema } from "./schemas";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/** Another entry taking one of the aliases between the read and the write is rare; a few tries settle it. */
const MAX_ATTEMPTS = 3;

/**
 * Brings a removed entry back as it was: its id, creation date, provenance and note; an expiry that
 * has passed (an expired entry's) is cleared, a future one kept.
 * 1. The id must name an entry this team removed within the restore window; anything else, another
 *    team's id included, is `dnc_not_found` (and so is another client's entry to a client-bound key,
 *    while a global one is `unauthorized_dnc` to it: lib/clients/client-scope.ts). It goes back on
 *    the list it was removed from. An id that is on the list (restored already), or a
 *    URL that was added again since, is `dnc_exists`.
 * 2. One audited write (listEntry): insert the entry back, with each alias it had that no entry
 *    holds now, unless its URL or one of those aliases is listed; only if it went in, the
 *    `dnc.restored` audit row naming the `dnc.deleted` event it undoes, a `dnc.alias_added` row per
 *    alias, the `dnc.restored` webhook deliveries, and the removal record dropped. Aliases another
 *    entry holds stay off and are named in `aliasesNotRestored`.
 * 3. The team's cached answers are invalidated around the change.
 */
export async function restoreEntry(options: { caller: Caller; id: string; reason?: string; requestId: string }) {
  if (!entryIdSchema.safeParse(options.id).success) throw new AppError("dnc_not_found");
  const { teamId, actor } = options.caller;

  const db = await getDb();
  const removed = await db.removedEntry.findFirst({ where: { id: options.id, teamId, removedAt: { gte: restoreCutoff() } } });
  if (!removed) {
    const listed = await db.dncEntry.findFirst({ where: { id: options.id, teamId }, select: { id: true, clientId: true } });
    throw new AppError(listed && mayRead(options.caller, listed.clientId) ? "dnc_exists" : "dnc_not_found");
  }
  if (!mayRead(options.caller, removed.clientId)) throw new AppError("dnc_not_found");
  assertMayChange(options.caller, removed.clientId);

  const now = new Date();
  const { removedAt: _removedAt, removedBy: _removedBy, reason: _reason, removalEventId, aliases: _aliases, ...kept } = removed;
  // A past expiry would expire the entry again at once: it comes back without one. A future one stays.
  const expiresAt = kept.expiresAt && kept.expiresAt > now ? kept.expiresAt : null;
  const entry: EntryRow = { ...kept, updatedAt: now, expiresAt };
  const hadAliases = parseStoredAliases(removed.aliases);
  const event = { action: "dnc.restored" as const, actor, reason: options.reason, requestId: options.requestId, undoes: removalEventId };
  const aliasEvent = { actor, reason: options.reason, requestId: options.requestId };
  for (let attempt = 1; ; attempt += 1) {
    // Those another entry holds now stay off. Should one be taken between this read and the write,
    // nothing is written and the free ones are read again; the last try brings none back.
    const free = attempt < MAX_ATTEMPTS ? await freeIdentifiers(db, entry, hadAliases) : [];
    try {
      const restored = await listEntry({
        entry,
        at: now,
        event,
        webhook: { type: "dnc.restored", data: { entry: serializeEntry(entry, free) } },
        aliases: { urls: free, createdBy: entryAuthor(options.caller), event: aliasEvent },
        after: (db) => [dropRemovalOfRestored(db, entry)],
      });
      const notRestored = hadAliases.filter((alias) => !free.includes(alias));
      return notRestored.length > 0 ? { ...restored, aliasesNotRestored: notRestored } : restored;
    } catch (error) {
      if (!(error instanceof AliasTakenMeanwhile)) throw error;
    }
  }
}

/**
 * The identifiers of `urls` that no entry on the list (the team's global one, or a client's) holds
 * now, as its URL or an alias, in any form it may be stored under.
 */
async function freeIdentifiers(db: Db, list: { teamId: string; clientId: string }, urls: string[]): Promise<string[]> {
  if (urls.length === 0) return [];
  const forms = Prisma.join(urls.flatMap(formsOfCanonical));
  const { teamId, clientId } = list;
  const held = await db.$queryRaw<{ url: string }[]>`
    SELECT "url" FROM "DncEntry" WHERE "teamId" = ${teamId} AND "url" IN (${forms}) AND "clientId" = ${clientId}
    UNION ALL SELECT "url" FROM "EntryAlias" WHERE "teamId" = ${teamId} AND "url" IN (${forms}) AND "clientId" = ${clientId}`;
  const taken = new Set(held.map((row) => row.url));
  return urls.filter((url) => !formsOfCanonical(url).some((form) => taken.has(form)));
}
