import "server-only";
import { AppError } from "@/lib/errors";
import { logRedisError, type SharedRedis } from "@/lib/redis/client";
import type { CachedCheck, Lookup, TeamCache } from "./team-cache";

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

  async lookupCheck(teamId: string, url: string): Promise<Lookup<CachedCheck>> {
    const found = await this.lookup(teamId, `:check:${url}`);
    return { key: found.key, value: found.raw === null ? undefined : (JSON.parse(found.raw) as CachedCheck) };
  }

  async storeCheck(key: string | null, value: CachedCheck) {
    await this.store(key, JSON.stringify(value));
  }

  async lookupTotal(teamId: string, search: string): Promise<Lookup<number>> {
    const found = await this.lookup(teamId, `:total:${search}`);
    return { key: found.key, value: found.raw === null ? undefined : Number(found.raw) };
  }

  async storeTotal(key: string | null, total: number) {
    await this.store(key, String(total));
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

  private async lookup(teamId: string, field: string): Promise<{ key: string | null; raw: string | null }> {
    try {
      await this.redis.firstConnection;
      const [key, raw] = (await this.redis.client.eval(LOOKUP_SCRIPT, 1, generationKey(teamId), `${PREFIX}:${teamId}:`, field)) as [string, string | null];
      return { key, raw };
    } catch (error) {
      logRedisError("cache lookup", error);
      return { key: null, raw: null };
    }
  }

  private async store(key: string | null, value: string) {
    if (!key) return;
    try {
      await this.redis.client.set(key, value, "PX", this.options.ttlMs);
    } catch (error) {
      logRedisError("cache store", error);
    }
  }
}

function generationKey(teamId: string) {
  return `${PREFIX}:${teamId}:generation`;
}
