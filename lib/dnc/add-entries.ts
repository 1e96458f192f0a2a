import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import { type Caller, entryAuthor } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache";
import { type DncEntry, getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { newEntryId } from "@/lib/ids";
import { wakeWebhookWorker, webhookDeliveries } from "@/lib/webhooks/outbox";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import type { AddEntriesResult, EntrySource } from "./schemas";
import { serializeEntry } from "./serialize-entry";

type Detail = AddEntriesResult["details"][number];

/** URLs looked up per query: SQLite binds at most 999 parameters per statement. */
const ROWS_PER_STATEMENT = 100;

/** Another writer adding one of the same URLs between our read and our write is rare; a few tries settle it. */
const MAX_ATTEMPTS = 5;

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / ROWS_PER_STATEMENT) }, (_, i) =>
    items.slice(i * ROWS_PER_STATEMENT, (i + 1) * ROWS_PER_STATEMENT),
  );
}

/**
 * Adds many URLs at once; one row of `details` per input, in input order.
 * 1. Normalise each URL (invalid → `error`); a URL repeated within the batch is a `duplicate`.
 * 2. Read which URLs the team lists already (`duplicate`, with the listed entry's id).
 * 3. One audited write: insert the others with their provenance, and a `dnc.batch_added`
 *    audit row for each, and ONE `dnc.added` webhook delivery per subscribed endpoint carrying
 *    every added entry (its id is the first audit row's). The insert has no ON CONFLICT: if another writer added one of these URLs
 *    since step 2, the whole batch fails on the unique index and is tried again from step 2, so
 *    every audit row describes an entry this request really added.
 * 4. The team's cached answers are invalidated around the change.
 */
export async function addEntries(options: {
  caller: Caller;
  urls: string[];
  source: EntrySource;
  sourceFile?: string;
  requestId: string;
}): Promise<AddEntriesResult> {
  const normalized = options.urls.map((url) => normalizeLinkedInUrl(url));
  const unique = [...new Set(normalized.filter((url): url is string => url !== null))];
  for (let attempt = 1; ; attempt += 1) {
    try {
      const idsByUrl = await addMissing(options, unique);
      return summarize(options.urls, normalized, idsByUrl);
    } catch (error) {
      if (attempt === MAX_ATTEMPTS || !isEntryConflict(error)) throw error;
    }
  }
}

async function addMissing(
  options: { caller: Caller; source: EntrySource; sourceFile?: string; requestId: string },
  unique: string[],
): Promise<Map<string, { id: string; isNew: boolean }>> {
  const { teamId, actor } = options.caller;
  const db = await getDb();
  const idsByUrl = new Map<string, { id: string; isNew: boolean }>();
  for (const urls of chunks(unique)) {
    const listed = await db.$queryRaw<{ id: string; url: string }[]>`
      SELECT "id", "url" FROM "DncEntry" WHERE "teamId" = ${teamId} AND "url" IN (${Prisma.join(urls)})`;
    for (const { id, url } of listed) idsByUrl.set(url, { id, isNew: false });
  }
  const added = unique.filter((url) => !idsByUrl.has(url)).map((url) => ({ url, id: newEntryId() }));
  if (added.length === 0) return idsByUrl;

  const now = new Date();
  const createdBy = entryAuthor(options.caller);
  const sourceFile = options.sourceFile ?? null;
  const entries: DncEntry[] = added.map(({ id, url }) => ({
    id,
    teamId,
    url,
    createdAt: now,
    updatedAt: now,
    createdBy,
    source: options.source,
    sourceFile,
    note: null,
  }));
  const { deliveriesQueued } = await changeTeamList(teamId, () =>
    auditedWrite(auditChain, {
      teamId,
      at: now,
      before: (db) => [db.dncEntry.createMany({ data: entries })],
      events: entries.map((entry) => ({
        teamId,
        action: "dnc.batch_added" as const,
        actor,
        targetId: entry.id,
        url: entry.url,
        source: options.source,
        sourceFile: options.sourceFile,
        requestId: options.requestId,
      })),
      deliveries: webhookDeliveries({ type: "dnc.added", at: now, data: { entries: entries.map(serializeEntry) } }),
    }),
  );
  if (deliveriesQueued > 0) wakeWebhookWorker();
  for (const { id, url } of added) idsByUrl.set(url, { id, isNew: true });
  return idsByUrl;
}

function isEntryConflict(error: unknown): boolean {
  const text = `${(error as Error)?.message ?? ""} ${JSON.stringify((error as { meta?: unknown })?.meta ?? "")}`;
  return /unique/i.test(text) && /url/i.test(text);
}

function summarize(
  inputs: string[],
  normalized: (string | null)[],
  idsByUrl: Map<string, { id: string; isNew: boolean }>,
): AddEntriesResult {
  const claimed = new Set<string>();
  const details = inputs.map((input, index): Detail => {
    const url = normalized[index];
    if (!url) return { url: input, input, status: "error", error: "invalid_url" };
    const stored = idsByUrl.get(url)!;
    const addedHere = stored.isNew && !claimed.has(url);
    claimed.add(url);
    return { url, input, status: addedHere ? "added" : "duplicate", normalizedUrl: url, $id: stored.id };
  });
  const count = (status: Detail["status"]) => details.filter((detail) => detail.status === status).length;
  return { added: count("added"), duplicates: count("duplicate"), errors: count("error"), details };
}
