import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { AuditEventInput } from "@/lib/audit/audit-event";
import { type Caller, entryAuthor } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache";
import { clientIdField, listsToAddTo } from "@/lib/clients/client-scope";
import { type DncEntry, type EntryAlias, getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { isUniqueViolation } from "@/lib/db/errors";
import { failOnDeletedClients, failOnIdentifierCollisions } from "@/lib/db/statements";
import type { ErrorCode } from "@/lib/errors";
import { newEntryId } from "@/lib/ids";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import type { IdentifierHolder } from "./entry-aliases";
import { type EntryIdentifier, type EntryIdentifierInput, parseEntryIdentifier } from "./entry-identifier";
import { formsOfCanonical, normalizeLinkedInUrl } from "./normalize-linkedin-url";
import type { AddEntriesResult, EntrySource } from "./schemas";
import { ENTRY_DEFAULTS, serializeEntry } from "./serialize-entry";
import { type EntryRecordInput, entryRecords, mayExpireProtected } from "./entry-record";
import { expireEntries } from "./expiry-sweeper";

type Detail = AddEntriesResult["details"][number];
type AliasNotAdded = NonNullable<Detail["aliasesNotAdded"]>[number];

/** Identifiers looked up per query: SQLite binds at most 999 parameters per statement. */
const ROWS_PER_STATEMENT = 100;
/** Entry ids per collision check (each is bound once). */
const IDS_PER_STATEMENT = 500;

/** Another writer adding one of the same URLs between our read and our write is rare; a few tries settle it. */
const MAX_ATTEMPTS = 5;

function chunks<T>(items: T[], size = ROWS_PER_STATEMENT): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

type Options = {
  caller: Caller;
  urls: string[];
  /** Per URL (same index), what kind of entry it is (a domain entry's domain may come here instead). */
  kinds?: (Omit<EntryIdentifierInput, "url"> | undefined)[];
  /** Per URL (same index), why it is on the list (blank: no note). */
  notes?: (string | undefined)[];
  /** Per URL (same index), other identifiers of the same person, added with its entry. */
  aliases?: (string[] | undefined)[];
  /** Per URL (same index), its category and when its opt-out was received. */
  records?: (EntryRecordInput | undefined)[];
  /** Per URL (same index), when its entry expires (none: never). */
  expiresAt?: (Date | undefined)[];
  /** Per URL (same index), the client whose list it goes on (null or none: the global list); see lib/clients/client-scope.ts. */
  clientIds?: (string | null | undefined)[];
  source: EntrySource;
  sourceFile?: string;
  requestId: string;
};

/**
 * Adds many URLs at once; one row of `details` per input, in input order.
 * 1. Normalise each URL (invalid → `error`) and each alias.
 * 2. Read which of these identifiers the team holds already, as an entry's URL or an alias, on
 *    which list (the global one, or a client's: each row goes on the list it names).
 * 3. Walk the rows in input order: a URL held already on the row's list, or earlier in the batch
 *    (as a URL or an alias), is a `duplicate` of the entry that holds it; any other valid URL is `added`. A row's
 *    aliases go in with its new entry unless they are invalid or held by another entry (already,
 *    or earlier in the batch): those are listed in the row's `aliasesNotAdded`, and the entry is
 *    added all the same — a person is never left off the list because one of their extra
 *    identifiers could not be attached. A duplicate or error row attaches nothing; its aliases the
 *    listed entry does not have already are listed as `entry_not_added` (add them with
 *    POST /dnc/{id}/aliases).
 * 4. One audited write: insert the new entries and their aliases with their provenance (note included), a
 *    `dnc.batch_added` audit row for each entry and a `dnc.alias_added` row for each alias, and ONE
 *    `dnc.added` webhook delivery per subscribed endpoint carrying every added entry (its id is the
 *    first audit row's). The inserts have no ON CONFLICT: if another writer took one of these
 *    identifiers since step 2, the whole batch fails on a unique index (the collision checks of
 *    lib/db/statements.ts make a URL/alias collision one too) and is tried again from step 2, so
 *    every audit row describes a change this request really made.
 * 5. The team's cached answers are invalidated around the change.
 */
export async function addEntries(options: Options): Promise<AddEntriesResult> {
  const lists = await listsToAddTo(
    options.caller,
    options.urls.map((_, index) => options.clientIds?.[index]),
  );
  const rows = options.urls.map((input, index): Row => {
    const expiresAt = options.expiresAt?.[index] ?? null;
    const parsed = parseEntryIdentifier({ ...options.kinds?.[index], url: input || undefined });
    const expiringProtected = expiresAt !== null && !mayExpireProtected(options.caller, options.records?.[index]?.category);
    const identifier = typeof parsed !== "string" && expiringProtected ? "protected_entry" : parsed;
    return {
      input: input || (options.kinds?.[index]?.domain ?? ""),
      note: options.notes?.[index]?.trim() || null,
      url: typeof identifier === "string" ? null : identifier.url,
      identifier,
      aliases: (options.aliases?.[index] ?? []).map((alias) => ({ input: alias, url: normalizeLinkedInUrl(alias) })),
      expiresAt,
      clientId: lists[index]!,
    };
  });
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await addMissing(options, rows);
    } catch (error) {
      if (attempt === MAX_ATTEMPTS || !isEntryConflict(error)) {
        // A client deleted since it was read (failOnDeletedClients): said as such, not as a failure.
        await listsToAddTo(options.caller, options.clientIds ?? []);
        throw error;
      }
    }
  }
}

type Row = {
  input: string;
  url: string | null;
  /** What the row adds, or why it cannot. */
  identifier: EntryIdentifier | ErrorCode;
  aliases: { input: string; url: string | null }[];
  /** As POST /dnc keeps it: trimmed, null when blank; also the audit row's reason. */
  note: string | null;
  expiresAt: Date | null;
  /** The list it goes on: "" for the global one, or a client's id. */
  clientId: string;
};

async function addMissing(options: Options, rows: Row[]): Promise<AddEntriesResult> {
  const { teamId, actor } = options.caller;
  const identifiers = [...new Set(rows.flatMap((row) => [row.url, ...row.aliases.map((alias) => alias.url)]))].filter(
    (url): url is string => url !== null,
  );
  let { holders, due } = await readHolders(teamId, identifiers);
  if (due.length > 0) {
    // Held by entries past their expiry that no sweep has moved yet: they are off the list, so they go now.
    await expireEntries(due);
    ({ holders, due } = await readHolders(teamId, identifiers));
  }

  const now = new Date();
  const records = await entryRecords(
    teamId,
    rows.map((_, index) => options.records?.[index] ?? {}),
    now,
  );
  const createdBy = entryAuthor(options.caller);
  const sourceFile = options.sourceFile ?? null;
  const entries: DncEntry[] = [];
  const aliases: EntryAlias[] = [];
  const details = rows.map((row, index): Detail => {
    if (!row.url || typeof row.identifier === "string") {
      const error = typeof row.identifier === "string" ? row.identifier : "invalid_url";
      const detail: Detail = { url: row.input, input: row.input, status: "error", error };
      return withAliasesNotAdded(detail, row.aliases.map(notAttached));
    }
    const onList = (url: string) => listKey(row.clientId, url);
    const holder = holders.get(onList(row.url));
    if (holder) {
      const detail: Detail = { url: row.url, input: row.input, status: "duplicate", normalizedUrl: row.url, $id: holder.$id };
      // Aliases the listed entry has already (a list exported and imported again) are no news.
      const missing = row.aliases.filter((alias) => alias.url !== holder.url && holders.get(onList(alias.url ?? ""))?.$id !== holder.$id);
      return withAliasesNotAdded(detail, missing.map(notAttached));
    }
    const entry: DncEntry = {
      id: newEntryId(),
      teamId,
      ...row.identifier,
      createdAt: now,
      updatedAt: now,
      createdBy,
      source: options.source,
      sourceFile,
      note: row.note,
      ...ENTRY_DEFAULTS,
      ...records[index],
      expiresAt: row.expiresAt,
      clientId: row.clientId,
    };
    entries.push(entry);
    const itself = { $id: entry.id, url: entry.url };
    holders.set(onList(entry.url), itself);
    const notAdded: AliasNotAdded[] = [];
    for (const alias of row.aliases) {
      if (entry.kind !== "profile") {
        notAdded.push({ alias: alias.input, error: "alias_not_allowed" });
        continue;
      }
      if (!alias.url) {
        notAdded.push({ alias: alias.input, error: "invalid_url" });
        continue;
      }
      const aliasHolder = holders.get(onList(alias.url));
      if (aliasHolder?.$id === entry.id) continue; // its own URL, or the same alias twice
      if (aliasHolder) {
        notAdded.push({ alias: alias.input, error: "dnc_exists", heldBy: aliasHolder });
        continue;
      }
      holders.set(onList(alias.url), itself);
      aliases.push({ teamId, url: alias.url, clientId: entry.clientId, entryId: entry.id, createdAt: now, createdBy });
    }
    return withAliasesNotAdded({ url: row.url, input: row.input, status: "added", normalizedUrl: row.url, $id: entry.id }, notAdded);
  });

  if (entries.length > 0) {
    const aliasesByEntry = new Map<string, EntryAlias[]>();
    for (const alias of aliases) aliasesByEntry.set(alias.entryId, [...(aliasesByEntry.get(alias.entryId) ?? []), alias]);
    const events = entries.flatMap((entry): AuditEventInput[] => [
      {
        teamId,
        action: "dnc.batch_added",
        actor,
        targetId: entry.id,
        url: entry.url,
        // As POST /dnc records it: the note is why it was added.
        reason: entry.note ?? undefined,
        source: options.source,
        sourceFile: options.sourceFile,
        requestId: options.requestId,
        ...clientIdField(entry.clientId),
      },
      ...(aliasesByEntry.get(entry.id) ?? []).map((alias): AuditEventInput => ({
        teamId,
        action: "dnc.alias_added",
        actor,
        targetId: entry.id,
        url: alias.url,
        requestId: options.requestId,
        ...clientIdField(entry.clientId),
      })),
    ]);
    const serialized = entries.map((entry) => serializeEntry(entry, (aliasesByEntry.get(entry.id) ?? []).map((alias) => alias.url).sort()));
    const { deliveriesQueued } = await changeTeamList(teamId, () =>
      auditedWrite(auditChain, {
        teamId,
        at: now,
        before: (db) => [
          db.dncEntry.createMany({ data: entries }),
          ...(aliases.length > 0 ? [db.entryAlias.createMany({ data: aliases })] : []),
        ],
        events,
        deliveries: webhookDeliveries({ type: "dnc.added", at: now, data: { entries: serialized } }),
        after: (db) =>
          chunks(entries, IDS_PER_STATEMENT).flatMap((chunk) => {
            const ids = chunk.map((entry) => entry.id);
            return [...failOnIdentifierCollisions(db, teamId, ids), failOnDeletedClients(db, teamId, ids)];
          }),
      }),
    );
    if (deliveriesQueued > 0) wakeWebhookWorker();
  }
  const count = (status: Detail["status"]) => details.filter((detail) => detail.status === status).length;
  return { added: count("added"), duplicates: count("duplicate"), errors: count("error"), details };
}

/** An alias of a row whose entry was not added here: invalid, or not attached to anything. */
function notAttached(alias: { input: string; url: string | null }): AliasNotAdded {
  return { alias: alias.input, error: alias.url ? "entry_not_added" : "invalid_url" };
}

function withAliasesNotAdded(detail: Detail, notAdded: AliasNotAdded[]): Detail {
  return notAdded.length > 0 ? { ...detail, aliasesNotAdded: notAdded } : detail;
}

/** The key of an identifier on one list (the global one, "", or a client's id) in the holders map. */
const listKey = (clientId: string, identifier: string) => `${clientId} ${identifier}`;

/**
 * Who holds each of these identifiers on each list of the team (in any form it may be stored
 * under), by `listKey`: the entry whose URL or alias it is; and which of those entries are past
 * their expiry.
 */
async function readHolders(teamId: string, identifiers: string[]) {
  const db = await getDb();
  const now = Date.now();
  const holders = new Map<string, IdentifierHolder>();
  const due = new Map<string, Parameters<typeof expireEntries>[0][number]>();
  // A form may be two identifiers' (a lower-cased slug is also a member id's older form): each gets the holder.
  const identifiersOfForm = new Map<string, string[]>();
  for (const identifier of identifiers)
    for (const form of formsOfCanonical(identifier)) identifiersOfForm.set(form, [...(identifiersOfForm.get(form) ?? []), identifier]);
  const hold = (form: string, clientId: string, holder: IdentifierHolder) =>
    identifiersOfForm.get(form)?.forEach((identifier) => holders.set(listKey(clientId, identifier), holder));
  for (const forms of chunks([...identifiersOfForm.keys()])) {
    const list = Prisma.join(forms);
    const [listed, aliased] = await Promise.all([
      db.$queryRaw<Holder[]>`SELECT "id", "url", "clientId", "expiresAt" FROM "DncEntry" WHERE "teamId" = ${teamId} AND "url" IN (${list})`,
      db.$queryRaw<(Holder & { alias: string })[]>`
        SELECT a."url" AS "alias", d."id", d."url", d."clientId", d."expiresAt" FROM "EntryAlias" a JOIN "DncEntry" d ON d."id" = a."entryId"
        WHERE a."teamId" = ${teamId} AND a."url" IN (${list})`,
    ]);
    for (const { id, url, clientId } of listed) hold(url, clientId, { $id: id, url });
    for (const { alias, id, url, clientId } of aliased) hold(alias, clientId, { $id: id, url });
    for (const { id, url, clientId, expiresAt } of [...listed, ...aliased]) {
      if (expiresAt && new Date(expiresAt).getTime() <= now) due.set(id, { id, teamId, url, clientId, expiresAt });
    }
  }
  return { holders, due: [...due.values()] };
}

type Holder = { id: string; url: string; clientId: string; expiresAt: Date | null };

function isEntryConflict(error: unknown): boolean {
  return isUniqueViolation(error, /url/i);
}
