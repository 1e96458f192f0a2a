import "server-only";
import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";
import type { DncEntryDto } from "@/lib/dnc/schemas";

/** What is cached per team: check answers (the entry, or null for "not on the list") and list totals. */
type Cached = { kind: "check"; entry: DncEntryDto | null } | { kind: "total"; total: number };

/**
 * Answers derived from a team's list, with a TTL. Invalidation bumps the team's generation, which
 * is part of every key: one O(1) step drops all of a team's answers (the old keys age out of the
 * LRU), and a reader that looked at the database before the bump stores its answer under the old
 * generation, where no later reader looks. Take the key before reading, store under the same key.
 */
export class TeamCache {
  private readonly values: LRUCache<string, Cached>;
  private readonly generations = new Map<string, number>();

  constructor(options: { ttlMs: number; max: number }) {
    this.values = new LRUCache({ max: options.max, ttl: options.ttlMs });
  }

  checkKey(teamId: string, url: string): string {
    return this.key(teamId, `check\u0000${url}`);
  }

  totalKey(teamId: string, search: string): string {
    return this.key(teamId, `total\u0000${search}`);
  }

  getCheck(key: string): { entry: DncEntryDto | null } | undefined {
    const value = this.values.get(key);
    return value?.kind === "check" ? value : undefined;
  }

  getTotal(key: string): number | undefined {
    const value = this.values.get(key);
    return value?.kind === "total" ? value.total : undefined;
  }

  setCheck(key: string, entry: DncEntryDto | null) {
    this.values.set(key, { kind: "check", entry });
  }

  setTotal(key: string, total: number) {
    this.values.set(key, { kind: "total", total });
  }

  invalidateTeam(teamId: string) {
    this.generations.set(teamId, (this.generations.get(teamId) ?? 0) + 1);
  }

  private key(teamId: string, rest: string): string {
    return `${teamId}\u0000${this.generations.get(teamId) ?? 0}\u0000${rest}`;
  }
}

const globalForCache = globalThis as unknown as { dncTeamCache?: TeamCache };

export function getTeamCache(): TeamCache {
  globalForCache.dncTeamCache ??= new TeamCache({
    ttlMs: env().DNC_CHECK_CACHE_TTL_MS,
    max: env().DNC_CHECK_CACHE_MAX,
  });
  return globalForCache.dncTeamCache;
}
