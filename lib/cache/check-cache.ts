import "server-only";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";
import type { DncEntryDto } from "@/lib/dnc/schemas";

/** A cached check answer: the entry, or null for "not on the list". */
type CachedCheck = { entry: DncEntryDto | null };

/**
 * Check answers per team with a TTL. Invalidation bumps the team's generation, which is part of
 * every key: one O(1) step drops all of a team's answers (the old keys age out of the LRU), and a
 * check that read the database before the bump stores its answer under the old generation, where
 * no later check looks.
 */
export class CheckCache {
  private readonly answers: LRUCache<string, CachedCheck>;
  private readonly generations = new Map<string, number>();

  constructor(options: { ttlMs: number; max: number }) {
    this.answers = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  /** The key for a lookup; take it before reading the database and store under the same key. */
  keyFor(teamId: string, url: string): string {
    return `${teamId}\u0000${this.generations.get(teamId) ?? 0}\u0000${url}`;
  }

  get(key: string): CachedCheck | undefined {
    return this.answers.get(key);
  }

  set(key: string, value: CachedCheck) {
    this.answers.set(key, value);
  }

  invalidateTeam(teamId: string) {
    this.generations.set(teamId, (this.generations.get(teamId) ?? 0) + 1);
  }
}

const globalForCache = globalThis as unknown as { dncCheckCache?: CheckCache };

export function getCheckCache(): CheckCache {
  globalForCache.dncCheckCache ??= new CheckCache({
    ttlMs: env().DNC_CHECK_CACHE_TTL_MS,
    max: env().DNC_CHECK_CACHE_MAX,
  });
  return globalForCache.dncCheckCache;
}
