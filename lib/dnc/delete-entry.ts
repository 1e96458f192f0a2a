import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { changeTeamList } from "@/lib/cache/team-cache";
import { getDb, Prisma } from "@/lib/db";
import { changeWithAudit } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { entryIdSchema } from "./schemas";

/**
 * Removes one entry, as Kakiyo's DELETE /dnc/{id} does.
 * 1. A malformed or unknown id → `dnc_not_found`; another team's entry → `unauthorized_dnc`.
 * 2. Delete scoped to the caller's team, with the `dnc.deleted` audit row (and its reason) written
 *    only if a row was deleted. A concurrent delete that got there first leaves this one deleting
 *    nothing → `dnc_not_found`, and no second audit row.
 * 3. The team's cached answers are invalidated around the change, so the next check on any
 *    instance answers `onList: false`.
 */
export async function deleteEntry(options: { caller: Caller; id: string; reason?: string; requestId: string }) {
  if (!entryIdSchema.safeParse(options.id).success) throw new AppError("dnc_not_found");
  const { teamId, actor } = options.caller;

  const db = await getDb();
  const [entry] = await db.$queryRaw<{ teamId: string; url: string }[]>`SELECT "teamId", "url" FROM "DncEntry" WHERE "id" = ${options.id}`;
  if (!entry) throw new AppError("dnc_not_found");
  if (entry.teamId !== teamId) throw new AppError("unauthorized_dnc");

  const deleted = await changeTeamList(teamId, () =>
    changeWithAudit(Prisma.sql`DELETE FROM "DncEntry" WHERE "id" = ${options.id} AND "teamId" = ${teamId}`, {
      teamId,
      action: "dnc.deleted",
      actor,
      targetId: options.id,
      url: entry.url,
      reason: options.reason,
      requestId: options.requestId,
    }),
  );
  if (deleted === 0) throw new AppError("dnc_not_found");
}
