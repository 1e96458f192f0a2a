import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import { getDb, Prisma } from "@/lib/db";
import { auditedWrite } from "@/lib/db/audited-write";
import { AppError } from "@/lib/errors";
import { newApiKeyId } from "@/lib/ids";
import { type ApiKeyScope, generateApiKey } from "./api-key-format";
import type { CreatedApiKey } from "./schemas";

/**
 * Creates a key and its `apikey.created` audit row together; the plaintext is returned once and never
 * stored. A client-bound key (`clientId`) names a client of the team (else 404 `client_not_found`),
 * and is written only while that client exists, so a deletion in between cannot leave it bound to none.
 */
export async function createApiKey(options: {
  teamId: string;
  name: string;
  scope: ApiKeyScope;
  clientId?: string;
  actor: string;
}): Promise<CreatedApiKey> {
  const { teamId, name, scope } = options;
  const clientId = options.clientId ?? null;
  const client = clientId === null ? null : await findClientName(teamId, clientId);
  const { key, prefix, hash } = generateApiKey();
  const id = newApiKeyId();
  const createdAt = new Date();
  const clientExists =
    clientId === null ? Prisma.sql`1 = 1` : Prisma.sql`EXISTS (SELECT 1 FROM "Client" WHERE "id" = ${clientId} AND "teamId" = ${teamId})`;
  const { changed } = await auditedWrite(auditChain, {
    teamId,
    at: createdAt,
    change: Prisma.sql`INSERT INTO "ApiKey" ("id", "teamId", "name", "scope", "prefix", "hash", "clientId", "createdAt")
      SELECT ${id}, ${teamId}, ${name}, ${scope}, ${prefix}, ${hash}, ${clientId}, ${createdAt} WHERE ${clientExists}`,
    events: [
      {
        teamId,
        action: "apikey.created",
        actor: options.actor,
        targetId: id,
        reason: `${scope} key "${name}" (${prefix}…)${client === null ? "" : ` for client "${client}"`}`,
        ...(clientId === null ? {} : { clientId }),
      },
    ],
  });
  if (changed === 0) throw new AppError("client_not_found");
  return { key, id, name, scope, prefix, clientId, createdAt: createdAt.toISOString() };
}

async function findClientName(teamId: string, clientId: string): Promise<string> {
  const db = await getDb();
  const client = await db.client.findFirst({ where: { id: clientId, teamId }, select: { name: true } });
  if (!client) throw new AppError("client_not_found");
  return client.name;
}
