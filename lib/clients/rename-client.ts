import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import type { Caller } from "@/lib/auth/caller";
import { getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";
import { isClientNameTaken } from "./client-name-taken";
import { readClient } from "./list-clients";
import type { Client } from "./schemas";

/** Another rename of the same client between our read and our write is rare; a few tries settle it. */
const MAX_ATTEMPTS = 3;

/**
 * Renames one of the team's clients: a `client.renamed` event says from what to what, written only
 * if the name changed, and the write applies only to the name read (two renames at once each name
 * the one they replaced). The same name again changes nothing; another client's name is 409
 * `client_exists`, decided by the unique index.
 */
export async function renameClient(options: { caller: Caller; id: string; name: string; requestId: string }): Promise<Client> {
  const { teamId, actor } = options.caller;
  const db = await getDb();
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
    const before = await db.client.findFirst({ where: { id: options.id, teamId }, select: { name: true } });
    if (!before) throw new AppError("client_not_found");
    if (before.name === options.name) return readClient(teamId, options.id);
    const { changed } = await auditedWrite(auditChain, {
      teamId,
      change: Prisma.sql`UPDATE "Client" SET "name" = ${options.name}
        WHERE "id" = ${options.id} AND "teamId" = ${teamId} AND "name" = ${before.name}`,
      events: [
        {
          teamId,
          action: "client.renamed",
          actor,
          targetId: options.id,
          clientId: options.id,
          reason: `"${before.name}" → "${options.name}"`,
          requestId: options.requestId,
        },
      ],
    }).catch((error: unknown) => {
      throw isClientNameTaken(error) ? new AppError("client_exists") : error;
    });
    if (changed > 0) return readClient(teamId, options.id);
  }
  throw new AppError("service_unavailable");
}
