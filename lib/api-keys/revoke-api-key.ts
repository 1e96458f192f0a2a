import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";
import { ApiError } from "@/lib/errors";

/** Revokes one of the team's keys; the next request with it is refused (keys are looked up on every request). */
export async function revokeApiKey(options: { teamId: string; keyId: string; actor: string }) {
  const db = await getDb();
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: options.keyId, teamId: options.teamId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new ApiError("not_found", "No active API key with this id in the team");
    await recordAuditEvent(tx, {
      teamId: options.teamId,
      action: "apikey.revoked",
      actor: options.actor,
      targetId: options.keyId,
    });
  });
}
