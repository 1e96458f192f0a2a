export type RateLimitBucket = "read" | "write" | "batch";

export type RateLimitDecision = {
  allowed: boolean;
  bucket: RateLimitBucket;
  limit: number;
  /** Requests still allowed in the current window, after this one. */
  remaining: number;
  windowMs: number;
  /** Epoch ms at which the oldest counted request leaves the window (a slot frees); `now` when none is counted. */
  resetAt: number;
  now: number;
};

export type RateLimiter = {
  /** Counts the request against the team's bucket if, and only if, it is allowed. */
  consume(teamId: string, bucket: RateLimitBucket): Promise<RateLimitDecision>;
};

export type RateLimitPolicy = { limits: Record<RateLimitBucket, number>; windowMs: number };
