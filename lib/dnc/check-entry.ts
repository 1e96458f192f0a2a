import "server-only";
import { getTeamCache } from "@/lib/cache/team-cache";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/** Is this URL on the team's list? Answers come from the team's cache until a change invalidates it. */
export async function checkEntry(options: { teamId: string; url: string }) {
  const url = normalizeLinkedInUrl(options.url);
  if (!url) throw new ApiError("invalid_url");

  const cache = getTeamCache();
  const key = cache.checkKey(options.teamId, url);
  let answer = cache.getCheck(key);
  if (!answer) {
    const db = await getDb();
    // Raw SQL: the hottest query of the API, and ~5× cheaper than the ORM's findUnique (docs/benchmarks.md).
    const [row] = await db.$queryRaw<EntryRow[]>`
      SELECT id, teamId, url, createdAt, updatedAt FROM DncEntry WHERE teamId = ${options.teamId} AND url = ${url}`;
    answer = { entry: row ? serializeEntry(row) : null };
    cache.setCheck(key, answer.entry);
  }
  return answer.entry ? { onList: true as const, entry: answer.entry } : { onList: false as const };
}
