import "server-only";
import { LRUCache } from "lru-cache";
import { cacheWeight, type Lookup, type TeamCache } from "./types";

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
