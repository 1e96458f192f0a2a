import "server-only";
import { getCheckCache } from "@/lib/cache/check-cache";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import { ENTRY_COLUMNS, serializeEntry } from "./serialize-entry";

/** Is this URL on the team's list? Answers come from the team's cache until a change invalidates it. */
export async function checkEntry(options: { teamId: string; url: string }) {
  const url = normalizeLinkedInUrl(options.url);
  if (!url) throw new ApiError("invalid_url");

  const cache = getCheckCache();
  const key = cache.keyFor(options.teamId, url);
  let answer = cache.get(key);
  if (!answer) {
    const db = await getDb();
    const row = await db.dncEntry.findUnique({
      where: { teamId_url: { teamId: options.teamId, url } },
      select: ENTRY_COLUMNS,
    });
    answer = { entry: row ? serializeEntry(row) : null };
    cache.set(key, answer);
  }
  return answer.entry ? { onList: true as const, entry: answer.entry } : { onList: false as const };
}
