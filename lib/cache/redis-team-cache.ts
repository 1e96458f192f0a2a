import "server-only";
import { AppError } from "@/lib/errors";
import { logRedisError, type SharedRedis } from "@/lib/redis/client";
import type { Lookup, TeamCache } from "./types";

const PREFIX = "dnc:cache:v1";

/**
 * A missing generation starts at the Redis clock in ms, not at 0: after Redis restarts empty, a
 * team's generations never repeat one from before the restart, so an answer an instance stores
 * under a pre-restart key is never read again.
 */
const ENSURE_GENERATION = `
if redis.call('EXISTS', KEYS[1]) == 0 then
  local time = redis.call('TIME')
  redis.call('SET', KEYS[1], string.format('%d', tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)), 'NX')
end`;

/** Reads the team's generation and the value under it in one round trip. */
const LOOKUP_SCRIPT = `${ENSURE_GENERATION}
local key = ARGV[1] .. redis.call('GET', KEYS[1]) .. ARGV[2]
return {key, redis.call('GET', key)}`;

/** The team's generation and the values of many fields under it, in one round trip. */
const LOOKUP_MANY_SCRIPT = `${ENSURE_GENERATION}
local prefix = ARGV[1] .. redis.call('GET', KEYS[1]) .. ':'
local keys = {}
for i = 2, #ARGV do keys[#keys + 1] = prefix .. ARGV[i] end
return {prefix, redis.call('MGET', unpack(keys))}`;

const INVALIDATE_SCRIPT = `${ENSURE_GENERATION}
return redis.call('INCR', KEYS[1])`;

/**
 * The check cache shared by every instance: answers live in Redis under the team's generation
 * (`INCR` on every change), so a delete on one instance is seen by a check on any other at once.
 * Redis unreachable: lookups miss and stores are skipped (checks fall back to the database);
 * invalidation throws 503 `service_unavailable`, because a change that could not invalidate would
 * let other instances serve the old answer.
 */
export class RedisTeamCache implements TeamCache {
  constructor(
    private readonly redis: SharedRedis,
    private readonly options: { ttlMs: number },
  ) {}

  async lookup<Value>(teamId: string, field: string): Promise<Lookup<Value>> {
    try {
      await this.redis.firstConnection;
      const [key, raw] = (await this.redis.client.eval(LOOKUP_SCRIPT, 1, generationKey(teamId), `${PREFIX}:${teamId}:`, `:${field}`)) as [
        string,
        string | null,
      ];
      return { key, value: raw === null ? undefined : (JSON.parse(raw) as Value) };
    } catch (error) {
      logRedisError("cache lookup", error);
      return { key: null };
    }
  }

  async lookupMany<Value>(teamId: string, fields: string[]): Promise<Lookup<Value>[]> {
    if (fields.length === 0) return [];
    try {
      await this.redis.firstConnection;
      const [prefix, raws] = (await this.redis.client.eval(
        LOOKUP_MANY_SCRIPT,
        1,
        generationKey(teamId),
        `${PREFIX}:${teamId}:`,
        ...fields,
      )) as [string, (string | null)[]];
      return fields.map((field, index) => {
        const raw = raws[index];
        return { key: prefix + field, value: raw === null || raw === undefined ? undefined : (JSON.parse(raw) as Value) };
      });
    } catch (error) {
      logRedisError("cache lookup", error);
      return fields.map(() => ({ key: null }));
    }
  }

  async storeMany(entries: [key: string | null, value: unknown][]) {
    const pipeline = this.redis.client.pipeline();
    for (const [key, value] of entries) if (key) pipeline.set(key, JSON.stringify(value), "PX", this.options.ttlMs);
    if (pipeline.length === 0) return;
    try {
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed) throw failed[0];
    } catch (error) {
      logRedisError("cache store", error);
    }
  }

  async store(key: string | null, value: unknown) {
    if (!key) return;
    try {
      await this.redis.client.set(key, JSON.stringify(value), "PX", this.options.ttlMs);
    } catch (error) {
      logRedisError("cache store", error);
    }
  }

  async invalidateTeam(teamId: string) {
    try {
      await this.redis.firstConnection;
      await this.redis.client.eval(INVALIDATE_SCRIPT, 1, generationKey(teamId));
    } catch (error) {
      logRedisError("cache invalidation", error);
      throw new AppError("service_unavailable", "The shared cache is unreachable; try again shortly");
    }
  }
}

function generationKey(teamId: string) {
  return `${PREFIX}:${teamId}:generation`;
}
