import "server-only";
import { env } from "@/lib/env";
import { getRedis } from "@/lib/redis/client";
import { MemoryTeamCache } from "./memory-team-cache";
import { RedisTeamCache } from "./redis-team-cache";
import type { TeamCache } from "./types";
import { errorField, logger } from "@/lib/observability/logger";

export type { CachedCheck, CachedPage, Lookup, TeamCache } from "./types";

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
      .catch((error: unknown) => logger().error({ teamId, error: errorField(error) }, "cache invalidation after a change failed"));
  }
}
