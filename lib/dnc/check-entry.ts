import "server-only";
import { getTeamCache } from "@/lib/cache/team-cache";
import { getDb } from "@/lib/db";
import { readConnection } from "@/lib/db/read-connection";
import { ApiError } from "@/lib/errors";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import { serializeEntry, type StoredEntryRow } from "./serialize-entry";

/** Is this URL on the team's list? Answers come from the team's cache until a change invalidates it. */
export async function checkEntry(options: { teamId: string; url: string }) {
  const url = normalizeLinkedInUrl(options.url);
  if (!url) throw new ApiError("invalid_url");

  const cache = getTeamCache();
  const key = cache.checkKey(options.teamId, url);
  let answer = cache.getCheck(key);
  if (!answer) {
    await getDb();
    const row = readConnection().get<StoredEntryRow>(
      "SELECT id, teamId, url, createdAt, updatedAt FROM DncEntry WHERE teamId = ? AND url = ?",
      options.teamId,
      url,
    );
    answer = { entry: row ? serializeEntry(row) : null };
    cache.setCheck(key, answer.entry);
  }
  return answer.entry ? { onList: true as const, entry: answer.entry } : { onList: false as const };
}
