import "server-only";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { getRedis } from "@/lib/redis/client";
import { RedisTeamCache } from "./redis-team-cache";

/** What is cached per team: check answers (the entry, or null for "not on the list") and list totals. */
export type CachedCheck = { entry: DncEntryDto | null };

/**
 * A lookup returns the cached value, if any, and the key to store a fresh one under. The key
 * carries the team's generation as it was *before* the database read, so an answer read before an
 * invalidation is stored where no later lookup looks. A null key means "do not store".
 */
export type Lookup<Value> = { value?: Value; key: string | null };

export type TeamCache = {
  lookupCheck(teamId: string, url: string): Promise<Lookup<CachedCheck>>;
  storeCheck(key: string | null, value: CachedCheck): Promise<void>;
  lookupTotal(teamId: string, search: string): Promise<Lookup<number>>;
  storeTotal(key: string | null, total: number): Promise<void>;
  /** Drops every answer of the team, on every instance that shares the cache. */
  invalidateTeam(teamId: string): Promise<void>;
};

/**
 * One process: an LRU with a TTL. Invalidation bumps the team's generation, which is part of every
 * key: one O(1) step drops all of a team's answers (the old keys age out of the LRU).
 */
export class MemoryTeamCache implements TeamCache {
  private readonly values: LRUCache<string, { check?: CachedCheck; total?: number }>;
  private readonly generations = new Map<string, number>();

  constructor(options: { ttlMs: number; max: number }) {
    this.values = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  async lookupCheck(teamId: string, url: string) {
    const key = this.key(teamId, `check\u0000${url}`);
    return { value: this.values.get(key)?.check, key };
  }

  async storeCheck(key: string | null, value: CachedCheck) {
    if (key) this.values.set(key, { check: value });
  }

  async lookupTotal(teamId: string, search: string) {
    const key = this.key(teamId, `total\u0000${search}`);
    return { value: this.values.get(key)?.total, key };
  }

  async storeTotal(key: string | null, total: number) {
    if (key) this.values.set(key, { total });
  }

  async invalidateTeam(teamId: string) {
    this.generations.set(teamId, (this.generations.get(teamId) ?? 0) + 1);
  }

  private key(teamId: string, rest: string): string {
    return `${teamId}\u0000${this.generations.get(teamId) ?? 0}\u0000${rest}`;
  }
}

const globalForCache = globalThis as unknown as { dncTeamCache?: TeamCache };

/** With REDIS_URL the cache is shared by all instances; without it, it lives in this process. */
export function getTeamCache(): TeamCache {
  if (!globalForCache.dncTeamCache) {
    const { DNC_CHECK_CACHE_TTL_MS: ttlMs, DNC_CHECK_CACHE_MAX: max } = env();
    const redis = getRedis();
    globalForCache.dncTeamCache = redis ? new RedisTeamCache(redis, { ttlMs }) : new MemoryTeamCache({ ttlMs, max });
  }
  return globalForCache.dncTeamCache;
}

/**
 * Runs a change to the team's list between two invalidations. The first one must succeed (else
 * 503 and nothing changes): it drops every answer cached before the change. The second drops the
 * answers other requests cached while the change was in flight; if it fails (Redis lost in that
 * instant) the change stands and the failure is logged (docs/deployment.md).
 */
export async function changeTeamList<Result>(teamId: string, change: () => Promise<Result>): Promise<Result> {
  const cache = getTeamCache();
  await cache.invalidateTeam(teamId);
  try {
    return await change();
  } finally {
    await cache.invalidateTeam(teamId).catch((error: unknown) =>
      console.error(JSON.stringify({ level: "error", msg: "cache invalidation after a change failed", teamId, error: String(error) })),
    );
  }
}
