import "server-only";
import { auditChain } from "@/lib/audit/chain-head";
import { auditedWrite } from "@/lib/db/audited-write";
import { newApiKeyId } from "@/lib/ids";
import { type ApiKeyScope, generateApiKey } from "./api-key-format";

/** Creates a key and its `apikey.created` audit row together; the plaintext is returned once and never stored. */
export async function createApiKey(options: { teamId: string; name: string; scope: ApiKeyScope; actor: string }) {
  const { key, prefix, hash } = generateApiKey();
  const id = newApiKeyId();
  const {
    before: [record],
  } = await auditedWrite(auditChain, {
    teamId: options.teamId,
    before: (db) => [
      db.apiKey.create({
        data: { id, teamId: options.teamId, name: options.name, scope: options.scope, prefix, hash },
        select: { id: true, name: true, scope: true, prefix: true, createdAt: true },
      }),
    ],
    events: [
      {
        teamId: options.teamId,
        action: "apikey.created",
        actor: options.actor,
        targetId: id,
        reason: `${options.scope} key "${options.name}" (${prefix}…)`,
      },
    ],
  });
  return { key, ...record, scope: options.scope, createdAt: record.createdAt.toISOString() };
}
