import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { auditChain } from "@/lib/audit/chain-head";
import { Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";

/** Revokes a pending invitation of the team: its link grants nothing from now on. */
export async function revokeInvitation(options: { caller: Caller; id: string; requestId: string }) {
  const { teamId, actor } = options.caller;
  const now = new Date();
  const { changed } = await auditedWrite(auditChain, {
    teamId,
    at: now,
    change: Prisma.sql`UPDATE "Invitation" SET "revokedAt" = ${now}
      WHERE "id" = ${options.id} AND "teamId" = ${teamId} AND "acceptedAt" IS NULL AND "revokedAt" IS NULL AND "expiresAt" > ${now}`,
    events: [{ teamId, action: "invitation.revoked", actor, targetId: options.id, requestId: options.requestId }],
  });
  if (changed === 0) throw new AppError("invitation_not_found");
}
