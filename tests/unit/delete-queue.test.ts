import { describe, expect, it } from "vitest";
import { DeleteQueue, type DeleteResponse, retryDelayMs } from "@/lib/bulk-delete/delete-queue";
import { rateLimitHeaders } from "@/lib/rate-limit/headers";
import { MemoryRateLimiter } from "@/lib/rate-limit/memory-rate-limiter";

const WINDOW_MS = 4000;
const LIMIT = 5;
const REQUEST_MS = 20;

/**
 * A virtual clock and a fake server that uses the production limiter and header code, so the
 * queue is paced by exactly what `next start` would answer. Sleeping advances the virtual clock.
 */
function harness(options: { gone?: Set<string>; forbidden?: Set<string>; broken?: Set<string>; clockSkewMs?: number } = {}) {
  const clock = { now: 1_000_000 };
  const limiter = new MemoryRateLimiter({ windowMs: WINDOW_MS, limits: { write: LIMIT, batch: 10, read: 60 } }, () => clock.now);
  const sent: { id: string; at: number; status: number }[] = [];
  const sleeps: number[] = [];
  const existing = new Set<string>();
  const send = async (id: string): Promise<DeleteResponse> => {
    clock.now += REQUEST_MS / 2;
    const decision = limiter.consumeNow("team", "write");
    clock.now += REQUEST_MS / 2;
    const headers = new Headers(rateLimitHeaders(decision));
    if (!decision.allowed) {
      sent.push({ id, at: clock.now, status: 429 });
      return { status: 429, headers, resetTime: decision.resetAt + (options.clockSkewMs ?? 0) };
    }
    if (options.broken?.has(id)) {
      sent.push({ id, at: clock.now, status: 500 });
      return { status: 500, headers };
    }
    const status = options.forbidden?.has(id) ? 403 : options.gone?.has(id) || !existing.has(id) ? 404 : 200;
    existing.delete(id);
    sent.push({ id, at: clock.now, status });
    return { status, headers };
  };
  const sleep = async (ms: number, signal: AbortSignal) => {
    if (signal.aborted) return;
    sleeps.push(ms);
    clock.now += ms;
  };
  const ids = (n: number) => {
    const list = Array.from({ length: n }, (_, i) => `dnc_${i}`);
    for (const id of list) if (!options.gone?.has(id)) existing.add(id);
    return list;
  };
  return { clock, send, sleep, sent, sleeps, ids, now: () => clock.now };
}

describe("DeleteQueue", () => {
  it("takes ⌈N/L⌉−1 windows plus request time, paced only by the server's answers", async () => {
    const h = harness();
    const start = h.clock.now;
    const queue = new DeleteQueue(h.ids(12), { send: h.send, now: h.now, sleep: h.sleep });
    await queue.start();

    const snapshot = queue.getSnapshot();
    expect(snapshot).toMatchObject({ status: "done", total: 12, processed: 12, deleted: 12, failed: 0 });
    const elapsed = h.clock.now - start;
    const minimum = (Math.ceil(12 / LIMIT) - 1) * WINDOW_MS;
    expect(elapsed).toBeGreaterThanOrEqual(minimum);
    expect(elapsed).toBeLessThanOrEqual(minimum + 15 * REQUEST_MS);
    // Exactly one wait per exhausted window, each as long as the server said.
    expect(h.sleeps).toHaveLength(2);
    expect(h.sent.filter((r) => r.status === 429)).toHaveLength(2);
  });

  it("trusts resetTime only within the RateLimit-Reset interval when the clocks disagree", async () => {
    const h = harness({ clockSkewMs: 60_000 });
    const queue = new DeleteQueue(h.ids(6), { send: h.send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot().deleted).toBe(6);
    expect(h.sleeps.every((ms) => ms <= WINDOW_MS)).toBe(true);
  });

  it("counts 404 as already gone, 403 as not permitted and 5xx as failed, and retries only the failed", async () => {
    const h = harness({ gone: new Set(["dnc_1"]), forbidden: new Set(["dnc_2"]), broken: new Set(["dnc_3"]) });
    const outcomes: string[] = [];
    const queue = new DeleteQueue(h.ids(4), { send: h.send, now: h.now, sleep: h.sleep, onOutcome: (id, o) => outcomes.push(`${id}:${o}`) });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ deleted: 1, alreadyGone: 1, notPermitted: 1, failed: 1, failedIds: ["dnc_3"] });
    expect(outcomes).toEqual(["dnc_0:deleted", "dnc_1:already_gone", "dnc_2:not_permitted", "dnc_3:failed"]);

    h.sent.length = 0;
    await queue.retryFailed();
    expect(h.sent.map((r) => r.id)).toEqual(["dnc_3"]);
    expect(queue.getSnapshot()).toMatchObject({ status: "done", processed: 4, failed: 1 });
  });

  it("counts a network error as failed and carries on", async () => {
    const h = harness();
    let calls = 0;
    const send = async (id: string) => {
      calls += 1;
      if (calls === 1) throw new TypeError("fetch failed");
      return h.send(id);
    };
    const queue = new DeleteQueue(h.ids(3), { send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ deleted: 2, failed: 1, failedIds: ["dnc_0"] });
  });

  it("pause stops before the next request and resume continues where it stopped", async () => {
    const h = harness();
    let queue!: DeleteQueue;
    const send = async (id: string) => {
      const response = await h.send(id);
      if (id === "dnc_1") queue.pause();
      return response;
    };
    queue = new DeleteQueue(h.ids(4), { send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ status: "paused", processed: 2, deleted: 2 });
    expect(h.sent).toHaveLength(2);

    await queue.resume();
    expect(queue.getSnapshot()).toMatchObject({ status: "done", processed: 4, deleted: 4 });
    expect(h.sent.map((r) => r.id)).toEqual(["dnc_0", "dnc_1", "dnc_2", "dnc_3"]);
  });

  it("cancel keeps the tally of what was sent and reports the rest as not sent", async () => {
    const h = harness();
    let queue!: DeleteQueue;
    const send = async (id: string) => {
      const response = await h.send(id);
      if (id === "dnc_2") queue.cancel();
      return response;
    };
    queue = new DeleteQueue(h.ids(10), { send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ status: "cancelled", processed: 3, deleted: 3, notSent: 7 });
    expect(h.sent).toHaveLength(3);
    await queue.resume();
    expect(h.sent).toHaveLength(3);
  });

  it("cancel during a rate-limit wait sends nothing more", async () => {
    const h = harness();
    let queue!: DeleteQueue;
    const sleep = async (ms: number, signal: AbortSignal) => {
      queue.cancel();
      await h.sleep(ms, signal);
    };
    queue = new DeleteQueue(h.ids(8), { send: h.send, now: h.now, sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ status: "cancelled", deleted: LIMIT, notSent: 8 - LIMIT });
    expect(h.sent.filter((r) => r.status !== 429)).toHaveLength(LIMIT);
  });

  it("shows the waiting state with its end time, and an ETA from the server's policy", async () => {
    const h = harness();
    const queue = new DeleteQueue(h.ids(12), { send: h.send, now: h.now, sleep: h.sleep });
    const seen: { status: string; waitUntil: number | null; etaMs: number | null }[] = [];
    queue.subscribe(() => {
      const s = queue.getSnapshot();
      seen.push({ status: s.status, waitUntil: s.waitUntil, etaMs: s.etaMs });
    });
    await queue.start();
    const waiting = seen.filter((s) => s.status === "waiting");
    expect(waiting).toHaveLength(2);
    for (const state of waiting) expect(state.waitUntil).toBeGreaterThan(0);
    const firstEstimate = seen.find((s) => s.etaMs !== null && s.etaMs > 0)!.etaMs!;
    expect(firstEstimate).toBeGreaterThan(WINDOW_MS);
    expect(firstEstimate).toBeLessThan(3 * WINDOW_MS);
    expect(queue.getSnapshot().etaMs).toBe(0);
  });

  it("ignores duplicate ids", async () => {
    const h = harness();
    const queue = new DeleteQueue(["dnc_0", "dnc_0", ...h.ids(2)], { send: h.send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ total: 2, deleted: 2 });
  });
});

describe("retryDelayMs", () => {
  const headers = (reset: string | null) => new Headers(reset === null ? {} : { "RateLimit-Reset": reset });
  it.each([
    ["exact resetTime inside the header's interval", 2500, "3", 2500],
    ["a client clock behind the server: capped at the header's seconds", 60_000, "3", 3000],
    ["a client clock ahead of the server: raised to the header's lower bound", -5000, "3", 2000],
    ["no resetTime: the header's seconds", undefined, "2", 2000],
    ["never below the floor", 0, "1", 50],
  ])("%s", (_label, offset, reset, expected) => {
    const now = 10_000;
    const resetTime = offset === undefined ? undefined : now + offset;
    expect(retryDelayMs({ status: 429, headers: headers(reset), resetTime }, now)).toBe(expected);
  });
});
