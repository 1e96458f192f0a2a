import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { recordAuditEventIfChanged } from "@/lib/audit/record-audit-event";
import { getTeamCache } from "@/lib/cache/team-cache";
import { getDb } from "@/lib/db";
import { readConnection } from "@/lib/db/read-connection";
import { ApiError } from "@/lib/errors";
import { entryIdSchema } from "./schemas";

/**
 * Removes one entry, as Kakiyo's DELETE /dnc/{id} does.
 * 1. A malformed or unknown id → `dnc_not_found`; another team's entry → `unauthorized_dnc`.
 * 2. One transaction: delete scoped to the caller's team, and write the `dnc.deleted` audit row
 *    (with the reason) only if a row was deleted. A concurrent delete that got there first leaves
 *    this one deleting nothing → `dnc_not_found`, and no second audit row.
 * 3. Invalidate the team's cache so the next check answers `onList: false`.
 */
export async function deleteEntry(options: { caller: Caller; id: string; reason?: string; requestId: string }) {
  if (!entryIdSchema.safeParse(options.id).success) throw new ApiError("dnc_not_found");
  const { teamId, actor } = options.caller;

  const db = await getDb();
  const entry = readConnection().get<{ teamId: string; url: string }>("SELECT teamId, url FROM DncEntry WHERE id = ?", options.id);
  if (!entry) throw new ApiError("dnc_not_found");
  if (entry.teamId !== teamId) throw new ApiError("unauthorized_dnc");

  try {
    const [deleted] = await db.$transaction([
      db.$executeRaw`DELETE FROM DncEntry WHERE id = ${options.id} AND teamId = ${teamId}`,
      recordAuditEventIfChanged(db, {
        teamId,
        action: "dnc.deleted",
        actor,
        targetId: options.id,
        url: entry.url,
        reason: options.reason,
        requestId: options.requestId,
      }),
    ]);
    if (deleted === 0) throw new ApiError("dnc_not_found");
  } finally {
    getTeamCache().invalidateTeam(teamId);
  }
}
