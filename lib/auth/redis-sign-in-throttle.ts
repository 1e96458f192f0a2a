import "server-only";
import { randomUUID } from "node:crypto";
import { logRedisError, type SharedRedis } from "@/lib/redis/client";
import type { SignInThrottle, SignInThrottleOptions } from "./sign-in-throttle";

const PREFIX = "dnc:signin:v1";

/** Milliseconds until the key's window has room again (0 when it has now), on the Redis clock. */
const WAIT_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local wait = 0
for i, key in ipairs(KEYS) do
  local limit = tonumber(ARGV[i + 1])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local nth = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    wait = math.max(wait, tonumber(nth[2]) + window - now)
  end
end
return wait`;

const RECORD_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[2])
  redis.call('PEXPIRE', key, ARGV[1])
end
return 1`;

/**
 * The sign-in throttle shared by every instance (same rules as the in-process one), so N instances
 * do not allow N times the guesses. Redis unreachable: this instance's own throttle takes over, so
 * sign-in keeps working and is still limited, per instance, until Redis returns.
 */
export class RedisSignInThrottle {
  constructor(
    private readonly redis: SharedRedis,
    private readonly options: SignInThrottleOptions,
    private readonly fallback: SignInThrottle,
  ) {}

  async retryAfterMs(email: string, address: string | null): Promise<number> {
    const keys = [`${PREFIX}:email:${email}`, ...(address === null ? [] : [`${PREFIX}:addr:${address}`])];
    try {
      await this.redis.firstConnection;
      return (await this.redis.client.eval(WAIT_SCRIPT, keys.length, ...keys, this.options.windowMs, this.options.perEmail, this.options.perAddress)) as number;
    } catch (error) {
      logRedisError("sign-in throttle", error);
      return this.fallback.retryAfterMs(email, address);
    }
  }

  async recordFailure(email: string, address: string | null) {
    this.fallback.recordFailure(email, address);
    const keys = [`${PREFIX}:email:${email}`, ...(address === null ? [] : [`${PREFIX}:addr:${address}`])];
    try {
      await this.redis.client.eval(RECORD_SCRIPT, keys.length, ...keys, this.options.windowMs, randomUUID());
    } catch (error) {
      logRedisError("sign-in throttle", error);
    }
  }

  async recordSuccess(email: string) {
    this.fallback.recordSuccess(email);
    try {
      await this.redis.client.del(`${PREFIX}:email:${email}`);
    } catch (error) {
      logRedisError("sign-in throttle", error);
    }
  }
}
