import "server-only";
import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import { databaseProvider } from "@/lib/db";
import { fileReaderBesideDatabase, sqliteFileName, writeFileBesideDatabase } from "@/lib/db/sqlite-file";
import { env } from "@/lib/env";
import { getRedis, logRedisError } from "@/lib/redis/client";

/** What authentication needs of a key, cached by the SHA-256 of the key. */
export type CachedKey = {
  id: string;
  teamId: string;
  scope: string;
  prefix: string;
  name: string;
  /** The client a client-bound key is bound to */
  clientId: string | null;
  revoked: boolean;
  lastUsedAt: Date | null;
};

/**
 * Where a revocation is announced to every process that may hold the key in its cache: a token that
 * changes with each revocation. Reading it is cheap and has no database round trip; a changed
 * token makes every cached key be read again.
 * - With Redis: a Redis key, shared by all instances and the CLI.
 * - SQLite without Redis: a small file beside the database, which the server and the CLI both write.
 * - PostgreSQL without Redis: no shared place (another machine's CLI cannot reach this one), so no
 *   cache: each request reads its key.
 */
type RevocationSignal = { read(): Promise<string | null>; announce(): Promise<void> };

const REDIS_KEY = "dnc:apikeys:revocations";

function redisSignal(): RevocationSignal | null {
  const redis = getRedis();
  if (!redis) return null;
  return {
    async read() {
      try {
        await redis.firstConnection;
        return (await redis.client.get(REDIS_KEY)) ?? "0";
      } catch (error) {
        logRedisError("API-key revocation signal", error);
        return null; // unknown: read the key from the database
      }
    },
    async announce() {
      await redis.firstConnection;
      await redis.client.incr(REDIS_KEY);
    },
  };
}

function fileSignal(): RevocationSignal {
  const databaseUrl = env().DATABASE_URL;
  const name = `${sqliteFileName(databaseUrl)}-apikey-revocations`;
  // Written once if absent (the CLI's first revocation would write it anyway), so reads find a file.
  writeFileBesideDatabase(databaseUrl, name, randomUUID(), { exclusive: true });
  const readSignal = fileReaderBesideDatabase(databaseUrl, name);
  return {
    async read() {
      return readSignal() ?? "none";
    },
    async announce() {
      writeFileBesideDatabase(databaseUrl, name, randomUUID());
    },
  };
}

const TTL_MS = 60_000;

class KeyCache {
  private readonly keys = new LRUCache<string, { key: CachedKey; signal: string }>({ max: 10_000, ttl: TTL_MS });

  constructor(private readonly signal: RevocationSignal | null) {}

  /** The cached key for this hash, or undefined when it must be read (never cached, expired, or a revocation since). */
  async get(hash: string): Promise<{ key?: CachedKey; signal: string | null }> {
    const signal = (await this.signal?.read()) ?? null;
    const cached = this.keys.get(hash);
    return { key: cached && signal !== null && cached.signal === signal ? cached.key : undefined, signal };
  }

  /** `signal` is the token read *before* the database: a revocation in between makes this entry stale at once. */
  set(hash: string, key: CachedKey, signal: string | null) {
    if (signal !== null) this.keys.set(hash, { key, signal });
  }

  /** After a revocation has committed. If the announcement fails (Redis lost at that instant), other instances notice within the TTL. */
  async announceRevocation() {
    this.keys.clear();
    await this.signal?.announce().catch((error: unknown) => logRedisError("API-key revocation announcement", error));
  }
}

const globalForKeys = globalThis as unknown as { dncKeyCache?: KeyCache };

export function getKeyCache(): KeyCache {
  globalForKeys.dncKeyCache ??= new KeyCache(redisSignal() ?? (databaseProvider() === "sqlite" ? fileSignal() : null));
  return globalForKeys.dncKeyCache;
}
