import "server-only";
import { env } from "@/lib/env";
import { MemoryRateLimiter } from "./memory-rate-limiter";
import type { RateLimiter } from "./types";

export type { RateLimitBucket, RateLimitDecision } from "./types";

const globalForLimiter = globalThis as unknown as { dncRateLimiter?: RateLimiter };

export function getRateLimiter(): RateLimiter {
  if (!globalForLimiter.dncRateLimiter) {
    const config = env();
    globalForLimiter.dncRateLimiter = new MemoryRateLimiter({
      windowMs: config.DNC_RATE_WINDOW_MS,
      limits: {
        write: config.DNC_RATE_WRITE_LIMIT,
        batch: config.DNC_RATE_BATCH_LIMIT,
        read: config.DNC_RATE_READ_LIMIT,
      },
    });
  }
  return globalForLimiter.dncRateLimiter;
}
