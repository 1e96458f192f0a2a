import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { hashApiKey, isWellFormedApiKey } from "./api-key-format";
import { type CachedKey, getKeyCache } from "./key-cache";
import { errorField, logger } from "@/lib/observability/logger";

/** lastUsedAt is kept to the minute: writing it on every request would turn each read into a write. */
const LAST_USED_PRECISION_MS = 60_000;

/**
 * Resolves `Authorization: Bearer <key>` to its team. Malformed keys are refused before any
 * database work; the key itself is never logged or stored, only its SHA-256. Known keys come from
 * an in-process cache that every revocation invalidates everywhere (lib/api-keys/key-cache.ts).
 */
export async function authenticateApiKey(authorization: string | null): Promise<Caller> {
  const token = /^Bearer ([^\s]+)$/i.exec(authorization ?? "")?.[1];
  if (!token || !isWellFormedApiKey(token)) throw new AppError("unauthorized");

  const hash = hashApiKey(token);
  const cache = getKeyCache();
  const cached = await cache.get(hash);
  let key = cached.key;
  if (!key) {
    const db = await getDb();
    const record = await db.apiKey.findUnique({
      where: { hash },
      select: { id: true, teamId: true, scope: true, prefix: true, name: true, clientId: true, revokedAt: true, lastUsedAt: true },
    });
    if (!record) throw new AppError("unauthorized");
    key = {
      id: record.id,
      teamId: record.teamId,
      scope: record.scope,
      prefix: record.prefix,
      name: record.name,
      clientId: record.clientId,
      revoked: record.revokedAt !== null,
      lastUsedAt: record.lastUsedAt,
    };
    cache.set(hash, key, cached.signal);
  }
  if (key.revoked) throw new AppError("unauthorized");
  noteUse(key);

  return {
    teamId: key.teamId,
    actor: `key:${key.prefix}`,
    // A scope this version does not know grants the least: reading.
    keyScope: key.scope === "write" ? "write" : "read",
    via: "api_key",
    apiKeyId: key.id,
    apiKeyName: key.name,
    ...(key.clientId ? { clientId: key.clientId } : {}),
  };
}

/** Records the key's use at most once a minute per process, without holding up the request. */
function noteUse(key: CachedKey) {
  const now = new Date();
  if (key.lastUsedAt && now.getTime() - key.lastUsedAt.getTime() < LAST_USED_PRECISION_MS) return;
  key.lastUsedAt = now;
  writeTransaction((db) => [db.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: now } })]).catch((error: unknown) =>
    logger().error({ keyId: key.id, error: errorField(error) }, "lastUsedAt update failed"),
  );
}
