import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { auditEventRow } from "@/lib/audit/record-audit-event";
import { changeTeamList } from "@/lib/cache/team-cache";
import { getDb, Prisma } from "@/lib/db";
import { newEntryId } from "@/lib/ids";
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
 * 2. In one transaction: insert every URL the team does not list yet (`ON CONFLICT DO NOTHING`
 *    `RETURNING` says which went in, even against a concurrent writer), one `dnc.batch_added` audit
 *    row per inserted entry so each can be traced to its request, then look up the ids of the rest
 *    (`duplicate`). Writing first also takes SQLite's write lock at the first statement, so the
 *    transaction never has to upgrade a read snapshot that another connection's commit made stale.
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

  const db = await getDb();
  const idsByUrl = await changeTeamList(teamId, () =>
    db.$transaction(async (tx) => {
      const now = new Date();
      const ids = new Map<string, { id: string; isNew: boolean }>();
      for (const urls of chunks(unique)) {
        const rows = urls.map((url) => Prisma.sql`(${newEntryId()}, ${teamId}, ${url}, ${now}, ${now}, ${actor}, ${options.source})`);
        const inserted = await tx.$queryRaw<{ id: string; url: string }[]>`
          INSERT INTO "DncEntry" ("id", "teamId", "url", "createdAt", "updatedAt", "createdBy", "source")
          VALUES ${Prisma.join(rows)}
          ON CONFLICT ("teamId", "url") DO NOTHING RETURNING "id", "url"`;
        if (inserted.length === 0) continue;
        await tx.auditEvent.createMany({
          data: inserted.map(({ id, url }) =>
            auditEventRow({ teamId, action: "dnc.batch_added", actor, targetId: id, url, requestId: options.requestId }, now),
          ),
        });
        for (const { id, url } of inserted) ids.set(url, { id, isNew: true });
      }
      for (const urls of chunks(unique.filter((url) => !ids.has(url)))) {
        const listed = await tx.dncEntry.findMany({ where: { teamId, url: { in: urls } }, select: { id: true, url: true } });
        for (const { id, url } of listed) ids.set(url, { id, isNew: false });
      }
      return ids;
    }),
  );
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
