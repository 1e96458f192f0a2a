import "server-only";
import { randomUUID } from "node:crypto";
import { logRedisError, type SharedRedis } from "@/lib/redis/client";
import {
  ADDRESS_BASE_DELAY_MS,
  DEFAULT_MAX_ADDRESS_DELAY_MS,
  addressKey,
  budgetKey,
  type SignInReservation,
  type SignInThrottle,
  type SignInThrottleOptions,
} from "./sign-in-throttle";

const PREFIX = "dnc:signin:v2";

/**
 * The same rules as the in-process SignInThrottle, in one script on the Redis clock: trim both
 * windows, compute the wait, and either refuse (nothing counted) or add the attempt to both keys.
 * One script is atomic in Redis, so parallel attempts on any number of instances are counted one by one.
 * KEYS: budget key (account or trusted device), [address key]. ARGV: window, perAccount, perAddress, base delay, max delay, attempt id.
 */
const RESERVE_SCRIPT = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[1])
local perAccount = tonumber(ARGV[2])
local perAddress = tonumber(ARGV[3])
local baseDelay = tonumber(ARGV[4])
local maxDelay = tonumber(ARGV[5])
local wait = 0
for _, key in ipairs(KEYS) do redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window) end
local budgetCount = redis.call('ZCARD', KEYS[1])
if budgetCount >= perAccount then
  local nth = redis.call('ZRANGE', KEYS[1], budgetCount - perAccount, budgetCount - perAccount, 'WITHSCORES')
  wait = tonumber(nth[2]) + window - now
end
if KEYS[2] then
  local addressCount = redis.call('ZCARD', KEYS[2])
  if addressCount >= perAddress then
    local delay = math.min(maxDelay, baseDelay * 2 ^ math.min(30, addressCount - perAddress))
    local last = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
    wait = math.max(wait, tonumber(last[2]) + delay - now)
  end
end
if wait > 0 then return math.ceil(wait) end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, ARGV[6])
  redis.call('PEXPIRE', key, window)
end
return 0`;

/**
 * The sign-in throttle shared by every instance, so N instances do not allow N times the guesses.
 * Redis unreachable: this instance's own throttle takes over, so sign-in keeps working and is still
 * limited, per instance, until Redis returns.
 */
export class RedisSignInThrottle {
  constructor(
    private readonly redis: SharedRedis,
    private readonly options: SignInThrottleOptions,
    private readonly fallback: SignInThrottle,
  ) {}

  async reserve(email: string, address: string | null, device?: string): Promise<SignInReservation> {
    const keys = this.keys(email, address, device);
    const attemptId = randomUUID();
    const { windowMs, perAccount, perAddress, maxAddressDelayMs = DEFAULT_MAX_ADDRESS_DELAY_MS } = this.options;
    try {
      await this.redis.firstConnection;
      const wait = Number(
        await this.redis.client.eval(
          RESERVE_SCRIPT,
          keys.length,
          ...keys,
          windowMs,
          perAccount,
          perAddress,
          ADDRESS_BASE_DELAY_MS,
          maxAddressDelayMs,
          attemptId,
        ),
      );
      return wait > 0 ? { retryAfterMs: wait } : { retryAfterMs: 0, attemptId };
    } catch (error) {
      logRedisError("sign-in throttle", error);
      return this.fallback.reserve(email, address, device);
    }
  }

  async succeeded(email: string, address: string | null, attemptId: string, device?: string) {
    this.fallback.succeeded(email, address, attemptId, device);
    const [budget, fromAddress] = this.keys(email, address, device);
    try {
      await this.redis.client.del(budget!);
      if (fromAddress) await this.redis.client.zrem(fromAddress, attemptId);
    } catch (error) {
      logRedisError("sign-in throttle", error);
    }
  }

  private keys(email: string, address: string | null, device?: string): string[] {
    return [`${PREFIX}:${budgetKey(email, device)}`, ...(address === null ? [] : [`${PREFIX}:${addressKey(address)}`])];
  }
}
