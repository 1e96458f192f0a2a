import { describe, expect, it } from "vitest";
import { rateLimitHeaders } from "@/lib/rate-limit/headers";
import { MemoryRateLimiter } from "@/lib/rate-limit/memory-rate-limiter";

const policy = { windowMs: 60_000, limits: { write: 30, batch: 10, read: 60 } };

function limiterWithClock(start = 0) {
  const clock = { now: start };
  return { clock, limiter: new MemoryRateLimiter(policy, () => clock.now) };
}

describe("MemoryRateLimiter", () => {
  it("holds the rolling window exactly at its boundary", () => {
    const { clock, limiter } = limiterWithClock();
    clock.now = 500;
    for (let i = 0; i < 30; i++) expect(limiter.consumeNow("team_a", "write").allowed).toBe(true);

    clock.now = 60_400;
    const refused = limiter.consumeNow("team_a", "write");
    expect(refused.allowed).toBe(false);
    expect(refused.resetAt).toBe(60_500);
    expect(limiter.consumeNow("team_b", "write").allowed).toBe(true);

    clock.now = 60_600;
    const allowed = limiter.consumeNow("team_a", "write");
    expect(allowed.allowed).toBe(true);
    expect(allowed.remaining).toBe(29);
  });

  it("counts only allowed requests, so refusals do not push the reset further away", () => {
    const { clock, limiter } = limiterWithClock();
    for (let i = 0; i < 10; i++) limiter.consumeNow("t", "batch");
    clock.now = 30_000;
    for (let i = 0; i < 50; i++) expect(limiter.consumeNow("t", "batch").allowed).toBe(false);
    clock.now = 60_000;
    expect(limiter.consumeNow("t", "batch").allowed).toBe(true);
  });

  it("keeps buckets apart: reads do not spend the write budget", () => {
    const { limiter } = limiterWithClock();
    for (let i = 0; i < 60; i++) expect(limiter.consumeNow("t", "read").allowed).toBe(true);
    expect(limiter.consumeNow("t", "read").allowed).toBe(false);
    expect(limiter.consumeNow("t", "write").allowed).toBe(true);
  });

  it("frees slots one by one as the oldest requests leave the window", () => {
    const { clock, limiter } = limiterWithClock();
    for (let i = 0; i < 30; i++) {
      clock.now = i * 1000;
      limiter.consumeNow("t", "write");
    }
    clock.now = 60_000;
    expect(limiter.consumeNow("t", "write")).toMatchObject({ allowed: true, remaining: 0, resetAt: 61_000 });
    expect(limiter.consumeNow("t", "write")).toMatchObject({ allowed: false, resetAt: 61_000 });
  });

  it("stays exact over a long run with a lifted limit", () => {
    const limiter = new MemoryRateLimiter({ windowMs: 1000, limits: { write: 5000, batch: 1, read: 1 } }, () => clock.now);
    const clock = { now: 0 };
    let allowed = 0;
    for (let i = 0; i < 20_000; i++) {
      clock.now = i / 10;
      if (limiter.consumeNow("t", "write").allowed) allowed++;
    }
    // 10 requests per ms: 5000 pass in [0, 500 ms), none until those expire at [1000, 1500 ms), then 5000 more.
    expect(allowed).toBe(10_000);
  });
});

describe("rateLimitHeaders", () => {
  it("writes the draft and the legacy forms, and Retry-After on refusal", () => {
    const decision = { allowed: false, bucket: "write" as const, limit: 30, remaining: 0, windowMs: 60_000, resetAt: 34_000, now: 100 };
    expect(rateLimitHeaders(decision)).toEqual({
      "RateLimit-Policy": '"write";q=30;w=60',
      RateLimit: '"write";r=0;t=34',
      "RateLimit-Limit": "30",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "34",
      "Retry-After": "34",
    });
  });
});
