import "server-only";
import { type CachedCheck, getTeamCache } from "@/lib/cache";
import { type ClientView, inClientView } from "@/lib/clients/client-scope";
import { type Db, getDb, Prisma } from "@/lib/db";
import { ENTRY_COLUMNS } from "@/lib/db/statements";
import { aliasesOf } from "./entry-aliases";
import { type LinkedInIdentifier, storedForms } from "./normalize-linkedin-url";
import { type EntryRow, hasExpired, serializeEntry } from "./serialize-entry";
import { recordCheckCache } from "@/lib/observability/metrics";

/**
 * Identifiers per query: SQLite binds at most 999 parameters per statement, and each identifier is
 * looked up in up to two forms (a member id's older lower-cased one), among URLs and among aliases.
 */
const IDENTIFIERS_PER_QUERY = 200;

/**
 * The check answer of each identifier, by canonical form, among the lists of `view` (every list of
 * the team, or the global list plus a client's; lib/clients/client-scope.ts): the entry whose URL is
 * one of its stored forms (`matchedBy: "url"`) or, failing that, whose alias is (`"alias"`), a
 * global entry before a client's; `entry: null` when none.
 * One query finds the entries by URL and by alias together; only when it finds some does a second
 * read their aliases (the entry's wire shape carries them). `matchedBy` is given only for an entry
 * with aliases: for one without, the answer is exactly what it always was.
 */
export async function findListed(
  db: Db,
  teamId: string,
  identifiers: Pick<LinkedInIdentifier, "canonical" | "legacy">[],
  view: ClientView,
): Promise<Map<string, CachedCheck>> {
  const rows: EntryRow[] = [];
  const inView = inClientView(view);
  for (let start = 0; start < identifiers.length; start += IDENTIFIERS_PER_QUERY) {
    const forms = Prisma.join(identifiers.slice(start, start + IDENTIFIERS_PER_QUERY).flatMap(storedForms));
    // Two index lookups in one statement; an OR of the two would walk the team's entries on SQLite.
    // (An alias's teamId is its entry's, so the second part needs no team condition of its own.)
    rows.push(
      ...(await db.$queryRaw<EntryRow[]>`
        SELECT ${ENTRY_COLUMNS} FROM "DncEntry" WHERE "teamId" = ${teamId} AND "url" IN (${forms})${inView}
        UNION ALL
        SELECT ${ENTRY_COLUMNS} FROM "DncEntry"
        WHERE "id" IN (SELECT "entryId" FROM "EntryAlias" WHERE "teamId" = ${teamId} AND "url" IN (${forms})${inView})`),
    );
  }
  const aliases =
    rows.length > 0
      ? await aliasesOf(
          db,
          teamId,
          rows.map((row) => row.id),
        )
      : new Map<string, string[]>();
  // A global entry ("" sorts first) applies to every client, so it answers before a client's entry of
  // the same identifier, and clients' entries answer in id order: the rows go in last-wins order.
  const preferredLast = rows.toSorted((a, b) => (a.clientId < b.clientId ? 1 : a.clientId > b.clientId ? -1 : 0));
  const byUrl = new Map(preferredLast.map((row) => [row.url, row]));
  const byAlias = new Map(preferredLast.flatMap((row) => (aliases.get(row.id) ?? []).map((alias) => [alias, row] as const)));

  const answers = new Map<string, CachedCheck>();
  for (const identifier of identifiers) {
    const forms = storedForms(identifier);
    const byItsUrl = forms.map((form) => byUrl.get(form)).find(Boolean);
    const row = byItsUrl ?? forms.map((form) => byAlias.get(form)).find(Boolean);
    if (!row) {
      answers.set(identifier.canonical, { entry: null });
      continue;
    }
    const itsAliases = aliases.get(row.id) ?? [];
    answers.set(identifier.canonical, {
      entry: serializeEntry(row, itsAliases),
      ...(itsAliases.length > 0 ? { matchedBy: byItsUrl ? ("url" as const) : ("alias" as const) } : {}),
    });
  }
  return answers;
}

/**
 * The check answers of many identifiers among the lists of `view`: all looked up in the team's
 * cache in one round trip (keyed by view and canonical identifier, until a change invalidates
 * them), the misses read together and cached.
 * An entry past its expiry answers "not on the list" from that instant, whether the answer was
 * cached or read and whether or not the sweeper has moved it yet.
 */
export async function checkAnswers(
  teamId: string,
  identifiers: Pick<LinkedInIdentifier, "canonical" | "legacy">[],
  view: ClientView,
): Promise<Map<string, CachedCheck>> {
  const cache = getTeamCache();
  const prefix = view === undefined ? "check:" : `check@${view}:`;
  const lookups = await cache.lookupMany<CachedCheck>(
    teamId,
    identifiers.map((identifier) => `${prefix}${identifier.canonical}`),
  );
  const now = Date.now();
  const live = (answer: CachedCheck): CachedCheck => (answer.entry && hasExpired(answer.entry, now) ? { entry: null } : answer);
  const answers = new Map<string, CachedCheck>();
  const misses: { identifier: (typeof identifiers)[number]; key: string | null }[] = [];
  identifiers.forEach((identifier, index) => {
    const lookup = lookups[index]!;
    if (lookup.value) answers.set(identifier.canonical, live(lookup.value));
    else misses.push({ identifier, key: lookup.key });
  });
  recordCheckCache(identifiers.length - misses.length, misses.length);
  if (misses.length > 0) {
    const found = await findListed(
      await getDb(),
      teamId,
      misses.map((miss) => miss.identifier),
      view,
    );
    const fresh = misses.map((miss): [string | null, CachedCheck] => {
      const answer = found.get(miss.identifier.canonical)!;
      answers.set(miss.identifier.canonical, live(answer));
      return [miss.key, answer];
    });
    await cache.storeMany(fresh);
  }
  return answers;
}
