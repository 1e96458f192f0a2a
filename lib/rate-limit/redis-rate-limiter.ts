import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { logRedisError, type SharedRedis } from "@/lib/redis/client";
import type { MemoryRateLimiter } from "./memory-rate-limiter";
import type { RateLimitBucket, RateLimitDecision, RateLimiter, RateLimitPolicy } from "./types";

/**
 * The rolling log of one team and bucket as a sorted set (score = time in ms, member unique per
 * request), checked and recorded by one script, so concurrent requests on any number of instances
 * cannot interleave between the count and the record. Time comes from the Redis server's clock,
 * so instances with drifting clocks still share one window. Same rule as the memory limiter:
 * allowed iff fewer than `limit` requests were allowed in the preceding window.
 */
const CONSUME_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  count = count + 1
  allowed = 1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
redis.call('PEXPIRE', KEYS[1], window)
return {allowed, count, oldest[2] or tostring(now), now}`;

/**
 * Limits shared by every instance. Redis unreachable: writes and batches fail closed with 503
 * `service_unavailable` (never unlimited); reads fall back to this instance's own limiter, so
 * checks keep working, limited per instance, until Redis returns.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: SharedRedis,
    private readonly policy: RateLimitPolicy,
    private readonly readFallback: MemoryRateLimiter,
  ) {}

  async consume(teamId: string, bucket: RateLimitBucket): Promise<RateLimitDecision> {
    const { windowMs } = this.policy;
    const limit = this.policy.limits[bucket];
    try {
      await this.redis.firstConnection;
      const [allowed, count, oldest, now] = (await this.redis.client.eval(
        CONSUME_SCRIPT,
        1,
        `dnc:ratelimit:v1:${bucket}:${teamId}`,
        windowMs,
        limit,
        randomUUID(),
      )) as [number, number, string, number];
      return {
        allowed: allowed === 1,
        bucket,
        limit,
        remaining: Math.max(0, limit - count),
        windowMs,
        resetAt: Number(oldest) + windowMs,
        now,
      };
    } catch (error) {
      logRedisError("rate limiting", error);
      if (bucket === "read") return this.readFallback.consumeNow(teamId, bucket);
      throw new AppError("service_unavailable", "Rate limiting is unavailable, so changes are refused; try again shortly");
    }
  }
}
