import "server-only";
import { env } from "@/lib/env";
import { getRedis } from "@/lib/redis/client";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import { RedisRateLimiter } from "./redis-rate-limiter";
import type { RateLimiter } from "./types";

export type { RateLimitBucket, RateLimitDecision } from "./types";

const globalForLimiter = globalThis as unknown as { dncRateLimiter?: RateLimiter };

/** With REDIS_URL the windows are shared by all instances; without it they live in this process. */
export function getRateLimiter(): RateLimiter {
  if (!globalForLimiter.dncRateLimiter) {
    const config = env();
    const policy = {
      windowMs: config.DNC_RATE_WINDOW_MS,
      limits: { write: config.DNC_RATE_WRITE_LIMIT, batch: config.DNC_RATE_BATCH_LIMIT, read: config.DNC_RATE_READ_LIMIT },
    };
    const memory = new MemoryRateLimiter(policy);
    const redis = getRedis();
    globalForLimiter.dncRateLimiter = redis ? new RedisRateLimiter(redis, policy, memory) : memory;
  }
  return globalForLimiter.dncRateLimiter;
}
