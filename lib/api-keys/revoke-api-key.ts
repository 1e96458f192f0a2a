import "server-only";
import { Prisma } from "@/lib/db";
import { changeWithAudit } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { getKeyCache } from "./key-cache";

/** Revokes one of the team's keys with its audit row; every instance refuses the key from its next request on. */
export async function revokeApiKey(options: { teamId: string; keyId: string; actor: string }) {
  const revoked = await changeWithAudit(
    Prisma.sql`UPDATE "ApiKey" SET "revokedAt" = ${new Date()} WHERE "id" = ${options.keyId} AND "teamId" = ${options.teamId} AND "revokedAt" IS NULL`,
    { teamId: options.teamId, action: "apikey.revoked", actor: options.actor, targetId: options.keyId },
  );
  if (revoked === 0) throw new AppError("not_found", "No active API key with this id in the team");
  await getKeyCache().announceRevocation();
}
