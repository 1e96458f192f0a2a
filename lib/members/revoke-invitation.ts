import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { Prisma } from "@/lib/db";
import { changeWithAudit } from "@/lib/db/write";
import { AppError } from "@/lib/errors";

/** Revokes a pending invitation of the team: its link grants nothing from now on. */
export async function revokeInvitation(options: { caller: Caller; id: string; requestId: string }) {
  const { teamId, actor } = options.caller;
  const now = new Date();
  const revoked = await changeWithAudit(
    Prisma.sql`UPDATE "Invitation" SET "revokedAt" = ${now}
      WHERE "id" = ${options.id} AND "teamId" = ${teamId} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > ${now}`,
    { teamId, action: "invitation.revoked", actor, targetId: options.id, requestId: options.requestId },
    now,
  );
  if (revoked === 0) throw new AppError("invitation_not_found");
}
