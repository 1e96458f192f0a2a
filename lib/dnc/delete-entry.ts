import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getCheckCache } from "@/lib/cache/check-cache";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { entryIdSchema } from "./schemas";

/**
 * Removes one entry, as Kakiyo's DELETE /dnc/{id} does.
 * 1. A malformed id is simply not found.
 * 2. In one transaction: find the entry (none → `dnc_not_found`; another team's → `unauthorized_dnc`),
 *    delete it scoped to the caller's team, and write the `dnc.deleted` audit row with the reason.
 * 3. Invalidate the team's check cache so the next check answers `onList: false`.
 */
export async function deleteEntry(options: { caller: Caller; id: string; reason?: string; requestId: string }) {
  if (!entryIdSchema.safeParse(options.id).success) throw new ApiError("dnc_not_found");
  const { teamId, actor } = options.caller;

  const db = await getDb();
  try {
    await db.$transaction(async (tx) => {
      const entry = await tx.dncEntry.findUnique({ where: { id: options.id }, select: { teamId: true, url: true } });
      if (!entry) throw new ApiError("dnc_not_found");
      if (entry.teamId !== teamId) throw new ApiError("unauthorized_dnc");
      const { count } = await tx.dncEntry.deleteMany({ where: { id: options.id, teamId } });
      if (count === 0) throw new ApiError("dnc_not_found");
      await recordAuditEvent(tx, {
        teamId,
        action: "dnc.deleted",
        actor,
        targetId: options.id,
        url: entry.url,
        reason: options.reason,
        requestId: options.requestId,
      });
    });
  } finally {
    getCheckCache().invalidateTeam(teamId);
  }
}
