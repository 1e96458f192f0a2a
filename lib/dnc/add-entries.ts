import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { auditEventRow } from "@/lib/audit/record-audit-event";
import { changeTeamList } from "@/lib/cache/team-cache";
import { getDb } from "@/lib/db";
import { newEntryId } from "@/lib/ids";
import type { EntrySource } from "./add-entry";
import { isUniqueViolation } from "./is-unique-violation";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import type { AddEntriesResult } from "./schemas";

type Detail = AddEntriesResult["details"][number];

/** A concurrent writer may add one of our URLs between our read and our insert; then we read again. */
const ATTEMPTS_ON_CLASH = 3;
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
 * 2. In one transaction: look up which are already listed (`duplicate`), insert the rest with one
 *    `dnc.batch_added` audit row each, so every stored URL can be traced to its request.
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
  return changeTeamList(teamId, async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        const idsByUrl = await db.$transaction(async (tx) => {
          const existing = [];
          for (const urls of chunks(unique)) {
            existing.push(...(await tx.dncEntry.findMany({ where: { teamId, url: { in: urls } }, select: { id: true, url: true } })));
          }
          const ids = new Map(existing.map((row) => [row.url, { id: row.id, isNew: false }]));
          const now = new Date();
          const fresh = unique.filter((url) => !ids.has(url)).map((url) => ({ id: newEntryId(), url }));
          for (const rows of chunks(fresh)) {
            await tx.dncEntry.createMany({
              data: rows.map(({ id, url }) => ({
                id, teamId, url, createdBy: actor, source: options.source, createdAt: now, updatedAt: now,
              })),
            });
            await tx.auditEvent.createMany({
              data: rows.map(({ id, url }) =>
                auditEventRow({ teamId, action: "dnc.batch_added", actor, targetId: id, url, requestId: options.requestId }, now),
              ),
            });
          }
          for (const { id, url } of fresh) ids.set(url, { id, isNew: true });
          return ids;
        });
        return summarize(options.urls, normalized, idsByUrl);
      } catch (error) {
        if (!isUniqueViolation(error) || attempt >= ATTEMPTS_ON_CLASH) throw error;
      }
    }
  });
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
