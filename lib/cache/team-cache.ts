import "server-only";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { getRedis } from "@/lib/redis/client";
import { RedisTeamCache } from "./redis-team-cache";

/** What is cached per team: check answers (the entry, or null for "not on the list"), list totals and list pages. */
export type CachedCheck = { entry: DncEntryDto | null };
export type CachedPage = { entries: DncEntryDto[]; total: number };

/**
 * A lookup returns the cached value, if any, and the key to store a fresh one under. The key
 * carries the team's generation as it was *before* the database read, so an answer read before an
 * invalidation is stored where no later lookup looks. A null key means "do not store".
 */
export type Lookup<Value> = { value?: Value; key: string | null };

/** `field` names the answer within the team: `check:<url>`, `total:<search>`, `page:<query>`. */
export type TeamCache = {
  lookup<Value>(teamId: string, field: string): Promise<Lookup<Value>>;
  /** Many fields of one team at one generation, in one round trip. */
  lookupMany<Value>(teamId: string, fields: string[]): Promise<Lookup<Value>[]>;
  store(key: string | null, value: unknown): Promise<void>;
  storeMany(entries: [key: string | null, value: unknown][]): Promise<void>;
  /** Drops every answer of the team, on every instance that shares the cache. */
  invalidateTeam(teamId: string): Promise<void>;
};

/** A list page weighs its entries, so the cache's bound is on entries held, not on answers. */
export const cacheWeight = (value: unknown) => ((value as Partial<CachedPage>)?.entries?.length ?? 0) + 1;

/**
 * One process: an LRU with a TTL. Invalidation bumps the team's generation, which is part of every
 * key: one O(1) step drops all of a team's answers (the old keys age out of the LRU).
 */
export class MemoryTeamCache implements TeamCache {
  private readonly values: LRUCache<string, { value: unknown }>;
  private readonly generations = new Map<string, number>();

  constructor(options: { ttlMs: number; max: number }) {
    this.values = new LRUCache({ maxSize: options.max, sizeCalculation: (held) => cacheWeight(held.value), ttl: options.ttlMs });
  }

  async lookup<Value>(teamId: string, field: string): Promise<Lookup<Value>> {
    const [lookup] = await this.lookupMany<Value>(teamId, [field]);
    return lookup!;
  }

  async lookupMany<Value>(teamId: string, fields: string[]): Promise<Lookup<Value>[]> {
    const prefix = `${teamId}\u0000${this.generations.get(teamId) ?? 0}\u0000`;
    return fields.map((field) => {
      const key = prefix + field;
      return { value: this.values.get(key)?.value as Value | undefined, key };
    });
  }

  async store(key: string | null, value: unknown) {
    if (key) this.values.set(key, { value });
  }

  async storeMany(entries: [key: string | null, value: unknown][]) {
    for (const [key, value] of entries) if (key) this.values.set(key, { value });
  }

  async invalidateTeam(teamId: string) {
    this.generations.set(teamId, (this.generations.get(teamId) ?? 0) + 1);
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
    await cache
      .invalidateTeam(teamId)
      .catch((error: unknown) =>
        console.error(JSON.stringify({ level: "error", msg: "cache invalidation after a change failed", teamId, error: String(error) })),
      );
  }
}
