import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { getReader } from "@/lib/db/reader";
import { fromSqlTime } from "@/lib/db/sql-time";
import { ApiError } from "@/lib/errors";
import { hashApiKey, isWellFormedApiKey } from "./api-key-format";

/** lastUsedAt is kept to the minute: writing it on every request would turn each read into a write. */
const LAST_USED_PRECISION_MS = 60_000;

type KeyRecord = { id: string; teamId: string; scope: string; prefix: string; revokedAt: Date | string | null; lastUsedAt: Date | string | null };

/**
 * Resolves `Authorization: Bearer <key>` to its team. Malformed keys are refused before any
 * database work; the key itself is never logged or stored, only its SHA-256.
 */
export async function authenticateApiKey(authorization: string | null): Promise<Caller> {
  const key = /^Bearer ([^\s]+)$/i.exec(authorization ?? "")?.[1];
  if (!key || !isWellFormedApiKey(key)) throw new ApiError("unauthorized");

  const reader = await getReader();
  const record = await reader.get<KeyRecord>(
    `SELECT "id", "teamId", "scope", "prefix", "revokedAt", "lastUsedAt" FROM "ApiKey" WHERE "hash" = ?`,
    hashApiKey(key),
  );
  if (!record || record.revokedAt) throw new ApiError("unauthorized");

  const now = Date.now();
  if (!record.lastUsedAt || now - fromSqlTime(record.lastUsedAt).getTime() >= LAST_USED_PRECISION_MS) {
    // Batch form: it takes the SQLite adapter's transaction lock, so it cannot land inside another request's transaction.
    const db = await getDb();
    db.$transaction([db.apiKey.update({ where: { id: record.id }, data: { lastUsedAt: new Date(now) } })]).catch(
      (error: unknown) => console.error("lastUsedAt update failed", { keyId: record.id, error: String(error) }),
    );
  }

  return {
    teamId: record.teamId,
    actor: `key:${record.prefix}`,
    canWrite: record.scope === "write",
    via: "api_key",
    apiKeyId: record.id,
  };
}
