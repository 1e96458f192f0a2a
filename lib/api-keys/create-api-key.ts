import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getDb } from "@/lib/db";
import { newApiKeyId } from "@/lib/ids";
import { type ApiKeyScope, generateApiKey } from "./api-key-format";

/** Creates a key and its `apikey.created` audit row together; the plaintext is returned once and never stored. */
export async function createApiKey(options: { teamId: string; name: string; scope: ApiKeyScope; actor: string }) {
  const db = await getDb();
  const { key, prefix, hash } = generateApiKey();
  const record = await db.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: { id: newApiKeyId(), teamId: options.teamId, name: options.name, scope: options.scope, prefix, hash },
      select: { id: true, name: true, scope: true, prefix: true, createdAt: true },
    });
    await recordAuditEvent(tx, {
      teamId: options.teamId,
      action: "apikey.created",
      actor: options.actor,
      targetId: created.id,
      reason: `${options.scope} key "${options.name}" (${prefix}…)`,
    });
    return created;
  });
  return { key, ...record };
}
