import type { RateLimitBucket, RateLimitDecision, RateLimiter, RateLimitPolicy } from "./types";

/**
 * Timestamps of the allowed requests of one team and bucket, oldest first. A head index instead of
 * `shift()` keeps pruning O(1) even when limits are lifted (benchmarks) and the log grows long.
 */
class RollingLog {
  private times: number[] = [];
  private head = 0;

  prune(cutoff: number) {
    while (this.head < this.times.length && this.times[this.head]! <= cutoff) this.head++;
    if (this.head > 1024 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  get size() {
    return this.times.length - this.head;
  }

  get oldest(): number | undefined {
    return this.times[this.head];
  }

  record(time: number) {
    this.times.push(time);
  }
}

/**
 * Exact rolling-window limiter for one process: a request is allowed iff fewer than `limit`
 * requests were allowed in the preceding window. No library does exact counts (they approximate
 * with fixed or sliding buckets), hence this one. Check-then-record runs synchronously, so
 * concurrent requests of one team cannot interleave between the count and the record.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly logs = new Map<string, RollingLog>();

  constructor(
    private readonly policy: RateLimitPolicy,
    private readonly now: () => number = Date.now,
  ) {}

  consume(teamId: string, bucket: RateLimitBucket): Promise<RateLimitDecision> {
    return Promise.resolve(this.consumeNow(teamId, bucket));
  }

  consumeNow(teamId: string, bucket: RateLimitBucket): RateLimitDecision {
    const now = this.now();
    const { windowMs } = this.policy;
    const limit = this.policy.limits[bucket];
    const key = `${bucket}:${teamId}`;
    let log = this.logs.get(key);
    if (!log) {
      log = new RollingLog();
      this.logs.set(key, log);
    }
    log.prune(now - windowMs);
    const allowed = log.size < limit;
    if (allowed) log.record(now);
    const oldest = log.oldest;
    return {
      allowed,
      bucket,
      limit,
      remaining: Math.max(0, limit - log.size),
      windowMs,
      resetAt: oldest === undefined ? now : oldest + windowMs,
      now,
    };
  }
}
