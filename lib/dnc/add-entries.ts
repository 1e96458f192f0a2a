import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache/team-cache";
import { Prisma } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { newAuditEventId, newEntryId } from "@/lib/ids";
import type { EntrySource } from "./add-entry";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import type { AddEntriesResult } from "./schemas";

type Detail = AddEntriesResult["details"][number];

/** SQLite binds at most 999 parameters per statement: 100 rows of up to 9 columns stay below it. */
const ROWS_PER_STATEMENT = 100;

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / ROWS_PER_STATEMENT) }, (_, i) =>
    items.slice(i * ROWS_PER_STATEMENT, (i + 1) * ROWS_PER_STATEMENT),
  );
}

/**
 * Adds many URLs at once; one row of `details` per input, in input order.
 * 1. Normalise each URL (invalid → `error`); a URL repeated within the batch is a `duplicate`.
 * 2. One batch transaction: per chunk, insert every URL the team does not list yet
 *    (`ON CONFLICT DO NOTHING`) and a `dnc.batch_added` audit row for each entry that went in —
 *    the rows carrying the ids this request made up, so a URL another writer got to first has
 *    none — then read back the id of every URL. An id of ours means `added`, any other `duplicate`.
 * 3. The team's cached answers are invalidated around the change.
 */
export async function addEntries(options: {
  caller: Caller;
  urls: string[];
  source: EntrySource;
  requestId: string;
}): Promise<AddEntriesResult> {
  const { teamId, actor } = options.caller;
  const normalized = options.urls.map((url) => normalizeLinkedInUrl(url));
  const unique = [...new Set(normalized.filter((url): url is string => url !== null))];
  const now = new Date();
  const candidates = unique.map((url) => ({ url, id: newEntryId(), auditId: newAuditEventId(now.getTime()) }));
  const ours = new Set(candidates.map((candidate) => candidate.id));
  if (candidates.length === 0) return summarize(options.urls, normalized, new Map());

  const writes = chunks(candidates);
  const results = await changeTeamList(teamId, () =>
    writeTransaction((db) => [
      ...writes.flatMap((chunk) => [
        db.$executeRaw`
          INSERT INTO "DncEntry" ("id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source")
          VALUES ${Prisma.join(chunk.map(({ id, url }) => Prisma.sql`(${id}, ${teamId}, ${url}, ${now}, ${now}, ${actor}, ${options.source})`))}
          ON CONFLICT ("teamId", "url") DO NOTHING`,
        db.$executeRaw`
          WITH "candidate" ("auditId", "entryId") AS (VALUES ${Prisma.join(chunk.map(({ id, auditId }) => Prisma.sql`(${auditId}, ${id})`))})
          INSERT INTO "AuditEvent" ("id", "teamId", "action", "actor", "targetId", "url", "requestId", "createdAt")
          SELECT "candidate"."auditId", ${teamId}, 'dnc.batch_added', ${actor}, "entry"."id", "entry"."url", ${options.requestId}, ${now}
          FROM "candidate" JOIN "DncEntry" AS "entry" ON "entry"."id" = "candidate"."entryId"`,
      ]),
      ...chunks(unique).map((urls) => db.dncEntry.findMany({ where: { teamId, url: { in: urls } }, select: { id: true, url: true } })),
    ]),
  );
  const idsByUrl = new Map<string, { id: string; isNew: boolean }>();
  for (const rows of results.slice(writes.length * 2) as { id: string; url: string }[][]) {
    for (const { id, url } of rows) idsByUrl.set(url, { id, isNew: ours.has(id) });
  }
  return summarize(options.urls, normalized, idsByUrl);
}

function summarize(
  inputs: string[],
  normalized: (string | null)[],
  idsByUrl: Map<string, { id: string; isNew: boolean }>,
): AddEntriesResult {
  const claimed = new Set<string>();
  const details = inputs.map((input, index): Detail => {
    const url = normalized[index];
    if (!url) return { url: input, status: "error", error: "invalid_url" };
    const stored = idsByUrl.get(url)!;
    const addedHere = stored.isNew && !claimed.has(url);
    claimed.add(url);
    return { url: input, status: addedHere ? "added" : "duplicate", normalizedUrl: url, $id: stored.id };
  });
  const count = (status: Detail["status"]) => details.filter((detail) => detail.status === status).length;
  return { added: count("added"), duplicates: count("duplicate"), errors: count("error"), details };
}
