import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryRateLimiter } from "@/lib/rate-limit/memory-rate-limiter";
import { RedisRateLimiter } from "@/lib/rate-limit/redis-rate-limiter";
import Redis from "ioredis";
import { startTestRedis, type TestRedis } from "../support/redis";

const policy = { windowMs: 60_000, limits: { write: 30, batch: 10, read: 60 } };
let redis: TestRedis;
const clients: Redis[] = [];

/** Two limiters on two connections: what two app instances look like to Redis. */
function instance(limits = policy) {
  const client = new Redis(redis.url);
  clients.push(client);
  return new RedisRateLimiter({ client, firstConnection: Promise.resolve() }, limits, new MemoryRateLimiter(limits));
}

beforeAll(async () => {
  redis = await startTestRedis();
});

afterAll(async () => {
  for (const client of clients) client.disconnect();
  await redis.stop();
});

describe("RedisRateLimiter", () => {
  it("allows exactly the limit across instances under concurrency, counting requests of the same millisecond apart", async () => {
    const [a, b] = [instance(), instance()];
    const decisions = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).consume("team_x", "write")));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(30);
    const refused = decisions.filter((d) => !d.allowed);
    expect(refused).toHaveLength(170);
    const oldest = Math.min(...decisions.filter((d) => d.allowed).map((d) => d.now));
    for (const decision of refused) {
      expect(decision.remaining).toBe(0);
      expect(decision.resetAt).toBe(oldest + policy.windowMs);
    }
  });

  it("keeps teams and buckets apart", async () => {
    const limiter = instance();
    for (let i = 0; i < 10; i++) expect((await limiter.consume("team_y", "batch")).allowed).toBe(true);
    expect((await limiter.consume("team_y", "batch")).allowed).toBe(false);
    expect((await limiter.consume("team_y", "write")).allowed).toBe(true);
    expect((await limiter.consume("team_z", "batch")).allowed).toBe(true);
  });

  it("frees the window on the Redis clock: allowed again once the oldest request is a window old", async () => {
    const short = instance({ windowMs: 400, limits: { write: 2, batch: 1, read: 1 } });
    const first = await short.consume("team_w", "write");
    await short.consume("team_w", "write");
    const refused = await short.consume("team_w", "write");
    expect(refused.allowed).toBe(false);
    expect(refused.resetAt).toBe(first.now + 400);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, refused.resetAt - refused.now) + 5));
    expect((await short.consume("team_w", "write")).allowed).toBe(true);
  });
});
