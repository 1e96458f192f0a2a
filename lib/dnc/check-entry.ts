import "server-only";
import { ENTRY_COLUMNS } from "@/lib/db/statements";
import { type CachedCheck, getTeamCache } from "@/lib/cache";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { normalizeLinkedInUrl } from "./normalize-linkedin-url";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/** Is this URL on the team's list? Answers come from the team's cache until a change invalidates it. */
export async function checkEntry(options: { teamId: string; url: string }) {
  const url = normalizeLinkedInUrl(options.url);
  if (!url) throw new AppError("invalid_url");

  const cache = getTeamCache();
  const lookup = await cache.lookup<CachedCheck>(options.teamId, `check:${url}`);
  let answer = lookup.value;
  if (!answer) {
    const db = await getDb();
    const [row] = await db.$queryRaw<EntryRow[]>`
      SELECT ${ENTRY_COLUMNS} FROM "DncEntry" WHERE "teamId" = ${options.teamId} AND "url" = ${url}`;
    answer = { entry: row ? serializeEntry(row) : null };
    await cache.store(lookup.key, answer);
  }
  return answer.entry ? { onList: true as const, entry: answer.entry } : { onList: false as const };
}
