import "server-only";
import { ENTRY_COLUMNS } from "@/lib/db/statements";
import { type CachedCheck, getTeamCache } from "@/lib/cache";
import { getDb, Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseLinkedInIdentifier, storedForms } from "./normalize-linkedin-url";
import { type EntryRow, serializeEntry } from "./serialize-entry";

/** Is this URL on the team's list? Answers come from the team's cache until a change invalidates it. */
export async function checkEntry(options: { teamId: string; url: string }) {
  const identifier = parseLinkedInIdentifier(options.url);
  if (!identifier) throw new AppError("invalid_url");
  const url = identifier.canonical;

  const cache = getTeamCache();
  const lookup = await cache.lookup<CachedCheck>(options.teamId, `check:${url}`);
  let answer = lookup.value;
  if (!answer) {
    const db = await getDb();
    const forms = storedForms(identifier);
    const rows = await db.$queryRaw<EntryRow[]>`
      SELECT ${ENTRY_COLUMNS} FROM "DncEntry" WHERE "teamId" = ${options.teamId} AND "url" IN (${Prisma.join(forms)})`;
    const row = forms.map((form) => rows.find((candidate) => candidate.url === form)).find(Boolean);
    answer = { entry: row ? serializeEntry(row) : null };
    await cache.store(lookup.key, answer);
  }
  return answer.entry ? { onList: true as const, entry: answer.entry } : { onList: false as const };
}
