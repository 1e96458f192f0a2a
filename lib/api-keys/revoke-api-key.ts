import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import { Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";
import { getKeyCache } from "./key-cache";

/** Revokes one of the team's keys with its audit row; every instance refuses the key from its next request on. */
export async function revokeApiKey(options: { teamId: string; keyId: string; actor: string }) {
  const { changed } = await auditedWrite(auditChain, {
    teamId: options.teamId,
    change: Prisma.sql`UPDATE "ApiKey" SET "revokedAt" = ${new Date()} WHERE "id" = ${options.keyId} AND "teamId" = ${options.teamId} AND "revokedAt" IS NULL`,
    events: [{ teamId: options.teamId, action: "apikey.revoked", actor: options.actor, targetId: options.keyId }],
  });
  if (changed === 0) throw new AppError("not_found", "No active API key with this id in the team");
  await getKeyCache().announceRevocation();
}
