import "server-only";
import { type Caller, entryAuthor } from "@/lib/auth/caller";
import { type Db, getDb, Prisma } from "@/lib/db";
import { dropRemovalOfRestored, insertAliasUnlessHeld } from "@/lib/db/statements";
import { AppError } from "@/lib/errors";
import { aliasesOf, parseStoredAliases } from "./entry-aliases";
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
 *    webhook deliveries only if it went in, bring back each alias it had that no entry holds now
 *    (only if the entry is back), and drop the removal record only if the entry is back. Aliases
 *    another entry took meanwhile stay off and are named in `aliasesNotRestored`.
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
  const { id, url, kind, includeSubdomains, createdAt, createdBy, source, sourceFile, note, removalEventId } = removed;
  const entry: EntryRow = { id, teamId, url, kind, includeSubdomains, createdAt, updatedAt: now, createdBy, source, sourceFile, note };
  const hadAliases = parseStoredAliases(removed.aliases);
  // Those another entry holds now stay off; the write checks each again as it inserts it.
  const free = await freeIdentifiers(db, teamId, hadAliases);
  const aliasAuthor = entryAuthor(options.caller);
  const restored = await listEntry({
    entry,
    at: now,
    event: { action: "dnc.restored", actor, reason: options.reason, requestId: options.requestId, undoes: removalEventId },
    webhook: { type: "dnc.restored", data: { entry: serializeEntry(entry, free) } },
    after: (db) => [
      ...free.map((alias) =>
        db.$executeRaw(insertAliasUnlessHeld({ teamId, url: alias, entryId: id, createdAt: now, createdBy: aliasAuthor }, [alias], now)),
      ),
      dropRemovalOfRestored(db, entry),
    ],
  });
  if (hadAliases.length === 0) return restored;
  const back = (await aliasesOf(await getDb(), teamId, [id])).get(id) ?? [];
  const notRestored = hadAliases.filter((alias) => !back.includes(alias));
  return { ...serializeEntry(entry, back), ...(notRestored.length > 0 ? { aliasesNotRestored: notRestored } : {}) };
}

/** The identifiers of `urls` that no entry of the team holds now, as its URL or an alias. */
async function freeIdentifiers(db: Db, teamId: string, urls: string[]): Promise<string[]> {
  if (urls.length === 0) return [];
  const list = Prisma.join(urls);
  const held = await db.$queryRaw<{ url: string }[]>`
    SELECT "url" FROM "DncEntry" WHERE "teamId" = ${teamId} AND "url" IN (${list})
    UNION ALL SELECT "url" FROM "EntryAlias" WHERE "teamId" = ${teamId} AND "url" IN (${list})`;
  const taken = new Set(held.map((row) => row.url));
  return urls.filter((url) => !taken.has(url));
}
