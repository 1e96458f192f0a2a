import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { sessionSecret } from "@/lib/auth/secret";
import { type ClientView, clientIdField, GLOBAL_CLIENT_ID, readView } from "@/lib/clients/client-scope";
import { type Db, getDb, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { decodeChangeFeedCursor, encodeChangeFeedCursor } from "./change-feed-cursor";
import { restoreCutoff } from "./restore-window";
import type { ChangeType, ListChangesResult } from "./schemas";

/**
 * The team's list changes in commit order, for clients that keep a mirror of the list.
 *
 * The feed is the team's audit hash chain read through its additions, removals (an expiry is a
 * `removed` with reason `expired`), restores and alias changes; a PATCH of an entry's fields is not
 * in it (the feed says what is on the list, and the entry's own fields are read from the list). An
 * entry's aliases come and go with it: `removed` takes them off, `restored` names in `aliases` those
 * it brought back (those no other entry took meanwhile; the restore's own `dnc.alias_added` audit
 * events are left out of the feed, so a mirror sees each alias once); a batch add writes an
 * `alias_added` change for each alias it added with an entry. Its
 * sequence numbers are assigned in commit order (lib/audit/chain-head.ts): an event is written
 * only on top of a committed head, and two writers on one head cannot both commit. So when a
 * reader sees event n, every event before n is already visible, and a cursor "after n" can never
 * skip an event that commits later with a smaller number (the trap of ordinary sequences).
 *
 * The changes are those of the lists the caller reads (lib/clients/client-scope.ts): a client-bound
 * key, or `client=`, follows the global list plus one client's; each change names its client.
 *
 * A cursor is opaque: the sequence it points after and when it was issued, signed for its team
 * (./change-feed-cursor.ts; an edited or foreign one is 400 `invalid_cursor`). It expires
 * DNC_RESTORE_DAYS after it was issued (410 `cursor_expired`: re-read the list); the `nextCursor`
 * of every answer is fresh, so a client that polls never sees it expire.
 */
const FEED_ACTIONS: Record<string, ChangeType> = {
  "dnc.added": "added",
  "dnc.batch_added": "added",
  "dnc.deleted": "removed",
  "dnc.restored": "restored",
  "dnc.alias_added": "alias_added",
  "dnc.alias_removed": "alias_removed",
  // An expiry takes the entry off the list as a deletion does: a mirror applies it as one.
  "dnc.expired": "removed",
};
const ALIAS_ACTIONS = new Set(["dnc.alias_added", "dnc.alias_removed"]);
const ADDITIONS = Prisma.join(["dnc.added", "dnc.batch_added"]);
const ACTIONS = Prisma.join(Object.keys(FEED_ACTIONS));

export async function listChanges(options: {
  caller: Caller;
  client?: string;
  cursor?: string;
  limit: number;
}): Promise<ListChangesResult> {
  const { teamId } = options.caller;
  const view = await readView(options.caller, options.client);
  const now = Date.now();
  const secret = sessionSecret();
  const cursor = options.cursor === undefined ? { after: 0, issuedAt: now } : decodeChangeFeedCursor(options.cursor, teamId, secret);
  if (!cursor) throw new AppError("invalid_cursor");
  if (cursor.issuedAt < restoreCutoff(new Date(now)).getTime()) throw new AppError("cursor_expired");

  const db = await getDb();
  // An alias event's url is the alias; its entry's own URL, which never changes, is read beside it:
  // from the entry, from its removal record, or from the event that added it (audit rows stay).
  const rows = await db.$queryRaw<
    {
      sequence: number | bigint;
      action: string;
      targetId: string;
      url: string;
      clientId: string | null;
      entryUrl: string | null;
      createdAt: Date;
    }[]
  >`
    SELECT e."sequence", e."action", e."targetId", e."url", e."clientId", e."createdAt",
      CASE WHEN e."action" IN (${Prisma.join([...ALIAS_ACTIONS])}) THEN COALESCE(
        (SELECT d."url" FROM "DncEntry" d WHERE d."id" = e."targetId"),
        (SELECT r."url" FROM "RemovedEntry" r WHERE r."id" = e."targetId"),
        (SELECT a."url" FROM "AuditEvent" a WHERE a."teamId" = e."teamId" AND a."targetId" = e."targetId" AND a."action" IN (${ADDITIONS})
          ORDER BY a."sequence" LIMIT 1)
      ) END AS "entryUrl"
    FROM "AuditEvent" e
    WHERE e."teamId" = ${teamId} AND e."sequence" > ${cursor.after} AND e."action" IN (${ACTIONS})${eventsInView(view)}
      -- A restore's own alias events (same entry, same instant): its restored change names them in aliases.
      AND NOT (e."action" = 'dnc.alias_added' AND EXISTS (SELECT 1 FROM "AuditEvent" r
        WHERE r."teamId" = e."teamId" AND r."targetId" = e."targetId" AND r."action" = 'dnc.restored' AND r."createdAt" = e."createdAt"))
    ORDER BY e."sequence" ASC LIMIT ${options.limit}`;
  const restoredAliases = await aliasesRestoredBy(
    db,
    teamId,
    rows.filter((row) => row.action === "dnc.restored"),
  );
  const changes = rows.map((row) => {
    const aliases = row.action === "dnc.restored" ? restoredAliases.get(Number(row.sequence)) : undefined;
    return {
      cursor: encodeChangeFeedCursor({ after: Number(row.sequence), issuedAt: row.createdAt.getTime() }, teamId, secret),
      type: FEED_ACTIONS[row.action]!,
      $id: row.targetId,
      ...(ALIAS_ACTIONS.has(row.action) ? { url: row.entryUrl ?? "", alias: row.url } : { url: row.url }),
      ...(aliases ? { aliases } : {}),
      ...(row.action === "dnc.expired" ? { reason: "expired" as const } : {}),
      at: row.createdAt.toISOString(),
      ...clientIdField(row.clientId ?? GLOBAL_CLIENT_ID),
    };
  });
  const last = rows.at(-1);
  return {
    changes,
    nextCursor: encodeChangeFeedCursor({ after: last ? Number(last.sequence) : cursor.after, issuedAt: now }, teamId, secret),
  };
}

/** The events of the view's lists: an event's clientId is null for the global list. */
function eventsInView(view: ClientView): Prisma.Sql {
  if (view === undefined) return Prisma.empty;
  return view === GLOBAL_CLIENT_ID
    ? Prisma.sql` AND e."clientId" IS NULL`
    : Prisma.sql` AND (e."clientId" IS NULL OR e."clientId" = ${view})`;
}

/**
 * For each restore (by sequence number), the aliases it brought back that its entry still has. A
 * restore writes them with its own instant as their createdAt, so they are told apart from aliases
 * added later; one removed since has its `alias_removed` later in the feed. A mirror that applies
 * the feed in order therefore ends with the entry's aliases exactly. One query per page.
 */
async function aliasesRestoredBy(
  db: Db,
  teamId: string,
  restores: { sequence: number | bigint; targetId: string; createdAt: Date }[],
): Promise<Map<number, string[]>> {
  const found = new Map<number, string[]>();
  if (restores.length === 0) return found;
  const rows = await db.$queryRaw<{ entryId: string; url: string; createdAt: Date }[]>`
    SELECT "entryId", "url", "createdAt" FROM "EntryAlias"
    WHERE "teamId" = ${teamId} AND "entryId" IN (${Prisma.join([...new Set(restores.map((restore) => restore.targetId))])})`;
  for (const restore of restores) {
    const aliases = rows
      .filter((row) => row.entryId === restore.targetId && row.createdAt.getTime() === restore.createdAt.getTime())
      .map((row) => row.url)
      .sort();
    if (aliases.length > 0) found.set(Number(restore.sequence), aliases);
  }
  return found;
}
