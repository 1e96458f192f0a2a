import { describe, expect, it, vi } from "vitest";
import { ENTRY_ACTIONS, type EntryOutcome } from "@/components/bulk-actions/entry-actions";
import {
  PROBE_INTERVAL_MS,
  type QueueResponse,
  type QueueSnapshot,
  RequestQueue,
  retryDelayMs,
} from "@/components/bulk-actions/request-queue";
import { rateLimitHeaders } from "@/lib/rate-limit/headers";
import { MemoryRateLimiter } from "@/lib/rate-limit/memory-rate-limiter";

const WINDOW_MS = 4000;
const LIMIT = 5;
const REQUEST_MS = 20;

/**
 * A virtual clock and a fake server that uses the production limiter and header code, so the
 * queue is paced by exactly what `next start` would answer. Sleeping advances the virtual clock.
 * Deletes and restores share the write bucket and move entries between the list and the removed.
 */
function harness(
  options: { gone?: Set<string>; relisted?: Set<string>; forbidden?: Set<string>; broken?: Set<string>; clockSkewMs?: number } = {},
) {
  const clock = { now: 1_000_000 };
  const limiter = new MemoryRateLimiter({ windowMs: WINDOW_MS, limits: { write: LIMIT, batch: 10, read: 60 } }, () => clock.now);
  const sent: { id: string; at: number; status: number }[] = [];
  const sleeps: number[] = [];
  const listed = new Set<string>();
  const removed = new Set<string>();
  /** A write through the limiter; `answer` is what the server does with one it allows. */
  const write =
    (answer: (id: string) => number) =>
    async (id: string): Promise<QueueResponse> => {
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
      const status = options.forbidden?.has(id) ? 403 : answer(id);
      sent.push({ id, at: clock.now, status });
      return { status, headers };
    };
  const send = write((id) => {
    if (!listed.delete(id)) return 404;
    removed.add(id);
    return 200;
  });
  const sendRestore = write((id) => {
    if (listed.has(id)) return 409;
    if (!removed.delete(id)) return 404;
    listed.add(id);
    return 201;
  });
  const sleep = async (ms: number, signal: AbortSignal) => {
    if (signal.aborted) return;
    sleeps.push(ms);
    clock.now += ms;
  };
  /** Entries on the list (or, with `removed`, removed and restorable); `gone` ones are neither, `relisted` ones are listed. */
  const ids = (n: number, where: "listed" | "removed" = "listed") => {
    const list = Array.from({ length: n }, (_, i) => `dnc_${i}`);
    for (const id of list) {
      if (options.gone?.has(id)) continue;
      (options.relisted?.has(id) || where === "listed" ? listed : removed).add(id);
    }
    return list;
  };
  /** Another client (an API key) spends `n` of the team's writes now. */
  const spendElsewhere = async (n: number) => {
    for (let i = 0; i < n; i++) {
      clock.now += REQUEST_MS;
      expect(limiter.consumeNow("team", "write").allowed).toBe(true);
    }
  };
  return { clock, send, sendRestore, sleep, sent, sleeps, ids, listed, spendElsewhere, now: () => clock.now };
}

type Deps<Outcome extends string> = ConstructorParameters<typeof RequestQueue<Outcome>>[2];
const deleteQueue = (ids: string[], deps: Deps<EntryOutcome<"delete">>) => new RequestQueue(ids, ENTRY_ACTIONS.delete.outcomes, deps);
const restoreQueue = (ids: string[], deps: Deps<EntryOutcome<"restore">>) => new RequestQueue(ids, ENTRY_ACTIONS.restore.outcomes, deps);
type DeleteQueue = ReturnType<typeof deleteQueue>;

describe("RequestQueue, deleting", () => {
  it("takes ⌈N/L⌉−1 windows plus request time, paced only by the server's answers", async () => {
    const h = harness();
    const start = h.clock.now;
    const queue = deleteQueue(h.ids(12), { send: h.send, now: h.now, sleep: h.sleep });
    await queue.start();

    const snapshot = queue.getSnapshot();
    expect(snapshot).toMatchObject({ status: "done", total: 12, processed: 12, counts: { deleted: 12 }, failed: 0 });
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
    const queue = deleteQueue(h.ids(6), { send: h.send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot().counts.deleted).toBe(6);
    expect(h.sleeps.every((ms) => ms <= WINDOW_MS)).toBe(true);
  });

  it("counts 404 as already gone, 403 as not permitted and 5xx as failed, and retries only the failed", async () => {
    const h = harness({ gone: new Set(["dnc_1"]), forbidden: new Set(["dnc_2"]), broken: new Set(["dnc_3"]) });
    const outcomes: string[] = [];
    const queue = deleteQueue(h.ids(4), {
      send: h.send,
      now: h.now,
      sleep: h.sleep,
      onOutcome: (id, o) => outcomes.push(`${id}:${o}`),
    });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({
      counts: { deleted: 1, already_gone: 1, not_permitted: 1 },
      failed: 1,
      failedIds: ["dnc_3"],
    });
    expect(outcomes).toEqual(["dnc_0:deleted", "dnc_1:already_gone", "dnc_2:not_permitted", "dnc_3:failed"]);

    h.sent.length = 0;
    await queue.retryFailed();
    expect(h.sent.map((r) => r.id)).toEqual(["dnc_3"]);
    expect(queue.getSnapshot()).toMatchObject({ status: "done", processed: 4, failed: 1 });
  });

  describe("while the server is unreachable", () => {
    /** The harness's server behind `isDown`: while it is down, requests reject (no answer) or get a gateway's status. */
    function outage(h: ReturnType<typeof harness>, isDown: () => boolean, gateway?: number) {
      const attempts: number[] = [];
      const send = async (id: string): Promise<QueueResponse> => {
        if (!isDown()) return h.send(id);
        attempts.push(h.clock.now);
        h.clock.now += REQUEST_MS;
        if (gateway === undefined) throw new TypeError("Failed to fetch");
        return { status: gateway, headers: new Headers() };
      };
      return { send, attempts };
    }

    function recordStates(queue: DeleteQueue) {
      const states: QueueSnapshot<EntryOutcome<"delete">>[] = [];
      queue.subscribe(() => states.push(queue.getSnapshot()));
      return states;
    }

    it("marks nothing failed, waits 1, 2, 4 … s up to 30 s between attempts, and finishes when the server is back", async () => {
      const h = harness();
      const from = h.clock.now + 2 * REQUEST_MS;
      const down = outage(h, () => h.clock.now >= from && h.clock.now < from + 100_000);
      const queue = deleteQueue(h.ids(4), { send: down.send, now: h.now, sleep: h.sleep });
      const states = recordStates(queue);
      await queue.start();

      expect(queue.getSnapshot()).toMatchObject({
        status: "done",
        processed: 4,
        counts: { deleted: 4 },
        failed: 0,
        failedIds: [],
        offline: null,
      });
      expect(h.sleeps).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
      expect(down.attempts).toHaveLength(h.sleeps.length);
      // Each entry reached the server once: the attempts that got no answer were all for dnc_2.
      expect(h.sent.map((r) => r.id)).toEqual(["dnc_0", "dnc_1", "dnc_2", "dnc_3"]);
      const offline = states.filter((s) => s.status === "offline");
      expect(offline.every((s) => s.failed === 0 && s.processed === 2 && s.finishAt === null)).toBe(true);
      const waits = offline.filter((s) => s.offline!.retryAt !== null);
      expect(waits.map((s) => s.offline!.attempts)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expect(waits.every((s) => s.offline!.httpStatus === null)).toBe(true);
      expect(waits[0]!.offline!.retryAt).toBe(down.attempts[0]! + REQUEST_MS + 1000);
    });

    /** A health check against the same outage: it takes PROBE_MS and says whether the server is back. */
    const PROBE_MS = 5;
    function prober(h: ReturnType<typeof harness>, isDown: () => boolean) {
      const probes: number[] = [];
      const probe = async () => {
        probes.push(h.clock.now);
        h.clock.now += PROBE_MS;
        return !isDown();
      };
      return { probe, probes };
    }

    it("with a probe, sends again within a probe interval of the server coming back, not after the backoff", async () => {
      const h = harness();
      const from = h.clock.now + 2 * REQUEST_MS;
      // Back during the fifth wait (16 s, after 1 + 2 + 4 + 8 s): without the probe the entry would go 12 s later.
      const backAt = from + 19_000;
      const isDown = () => h.clock.now >= from && h.clock.now < backAt;
      const down = outage(h, isDown);
      const { probe, probes } = prober(h, isDown);
      const queue = deleteQueue(h.ids(4), { send: down.send, now: h.now, sleep: h.sleep, probe });
      await queue.start();

      expect(queue.getSnapshot()).toMatchObject({ status: "done", counts: { deleted: 4 }, failed: 0 });
      expect(down.attempts).toHaveLength(5);
      const resent = h.sent.find((r) => r.id === "dnc_2")!.at;
      expect(resent).toBeGreaterThanOrEqual(backAt);
      expect(resent - backAt).toBeLessThanOrEqual(PROBE_INTERVAL_MS + PROBE_MS + REQUEST_MS);
      // Asked once a second while it waited, never more often.
      expect(h.sleeps.every((ms) => ms <= PROBE_INTERVAL_MS)).toBe(true);
      expect(probes.length).toBeLessThanOrEqual(Math.ceil((backAt - from) / PROBE_INTERVAL_MS) + 1);
    });

    it("a probe that finds the server still down leaves the backoff between attempts as it was", async () => {
      const h = harness();
      const from = h.clock.now + 2 * REQUEST_MS;
      const isDown = () => h.clock.now >= from && h.clock.now < from + 14_000;
      const down = outage(h, isDown);
      const { probe } = prober(h, () => true);
      const queue = deleteQueue(h.ids(3), { send: down.send, now: h.now, sleep: h.sleep, probe });
      await queue.start();

      expect(queue.getSnapshot()).toMatchObject({ status: "done", counts: { deleted: 3 }, failed: 0 });
      const gaps = down.attempts.slice(1).map((at, i) => at - down.attempts[i]! - REQUEST_MS);
      expect(gaps).toEqual([1000, 2000, 4000]);
    });

    it.each([502, 503, 504])("treats a gateway's %i as unreachable, not as an outcome", async (gateway) => {
      const h = harness();
      const until = h.clock.now + 2500;
      const down = outage(h, () => h.clock.now < until, gateway);
      const queue = deleteQueue(h.ids(2), { send: down.send, now: h.now, sleep: h.sleep });
      const states = recordStates(queue);
      await queue.start();
      expect(queue.getSnapshot()).toMatchObject({ status: "done", counts: { deleted: 2 }, failed: 0 });
      expect(h.sleeps).toEqual([1000, 2000]);
      expect(states.find((s) => s.status === "offline")!.offline!.httpStatus).toBe(gateway);
    });

    it("starts again from a one-second wait once the server has answered", async () => {
      const h = harness();
      const t0 = h.clock.now;
      const down = outage(h, () => h.clock.now < t0 + 2500 || (h.clock.now >= t0 + 3050 && h.clock.now < t0 + 3100));
      const queue = deleteQueue(h.ids(3), { send: down.send, now: h.now, sleep: h.sleep });
      await queue.start();
      expect(queue.getSnapshot()).toMatchObject({ status: "done", counts: { deleted: 3 }, failed: 0 });
      expect(h.sleeps).toEqual([1000, 2000, 1000]);
    });

    it("Resume tries again at once instead of waiting for the next attempt", async () => {
      const h = harness();
      let up = false;
      const down = outage(h, () => !up);
      // The wait ends only when something cuts it short, as a long backoff would.
      const sleep = (_ms: number, signal: AbortSignal) => new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve()));
      const queue = deleteQueue(h.ids(2), { send: down.send, now: h.now, sleep });
      const run = queue.start();
      await vi.waitFor(() => expect(queue.getSnapshot().offline?.retryAt).toBeGreaterThan(0));
      expect(queue.getSnapshot()).toMatchObject({ status: "offline", failed: 0 });

      up = true;
      const resumedAt = h.clock.now;
      await queue.resume();
      await run;
      expect(queue.getSnapshot()).toMatchObject({ status: "done", counts: { deleted: 2 }, failed: 0 });
      expect(down.attempts).toHaveLength(1);
      expect(h.sent[0]).toMatchObject({ id: "dnc_0", at: resumedAt + REQUEST_MS });
    });

    it("Pause stops the attempts; Resume sends the same entry again", async () => {
      const h = harness();
      let up = false;
      const down = outage(h, () => !up);
      const sleep = async (ms: number, signal: AbortSignal) => {
        queue.pause();
        await h.sleep(ms, signal);
      };
      const queue = deleteQueue(h.ids(2), { send: down.send, now: h.now, sleep });
      await queue.start();
      expect(queue.getSnapshot()).toMatchObject({ status: "paused", processed: 0, failed: 0, offline: null });
      expect(down.attempts).toHaveLength(1);

      up = true;
      await queue.resume();
      expect(queue.getSnapshot()).toMatchObject({ status: "done", counts: { deleted: 2 }, failed: 0 });
      expect(h.sent.map((r) => r.id)).toEqual(["dnc_0", "dnc_1"]);
    });

    it("Cancel ends the attempts: the entry never answered for counts as not sent, nothing failed", async () => {
      const h = harness();
      const from = h.clock.now + REQUEST_MS;
      const down = outage(h, () => h.clock.now >= from);
      const sleep = async (ms: number, signal: AbortSignal) => {
        queue.cancel();
        await h.sleep(ms, signal);
      };
      const queue = deleteQueue(h.ids(3), { send: down.send, now: h.now, sleep });
      await queue.start();
      expect(queue.getSnapshot()).toMatchObject({ status: "cancelled", counts: { deleted: 1 }, failed: 0, notSent: 2, offline: null });
      expect(down.attempts).toHaveLength(1);
      expect(h.sleeps).toEqual([]);
    });
  });

  it("pause stops before the next request and resume continues where it stopped", async () => {
    const h = harness();
    const send = async (id: string) => {
      const response = await h.send(id);
      if (id === "dnc_1") queue.pause();
      return response;
    };
    const queue = deleteQueue(h.ids(4), { send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ status: "paused", processed: 2, counts: { deleted: 2 } });
    expect(h.sent).toHaveLength(2);

    await queue.resume();
    expect(queue.getSnapshot()).toMatchObject({ status: "done", processed: 4, counts: { deleted: 4 } });
    expect(h.sent.map((r) => r.id)).toEqual(["dnc_0", "dnc_1", "dnc_2", "dnc_3"]);
  });

  it("cancel keeps the tally of what was sent and reports the rest as not sent", async () => {
    const h = harness();
    const send = async (id: string) => {
      const response = await h.send(id);
      if (id === "dnc_2") queue.cancel();
      return response;
    };
    const queue = deleteQueue(h.ids(10), { send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ status: "cancelled", processed: 3, counts: { deleted: 3 }, notSent: 7 });
    expect(h.sent).toHaveLength(3);
    await queue.resume();
    expect(h.sent).toHaveLength(3);
  });

  it("cancel during a rate-limit wait sends nothing more", async () => {
    const h = harness();
    const sleep = async (ms: number, signal: AbortSignal) => {
      queue.cancel();
      await h.sleep(ms, signal);
    };
    const queue = deleteQueue(h.ids(8), { send: h.send, now: h.now, sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ status: "cancelled", counts: { deleted: LIMIT }, notSent: 8 - LIMIT });
    expect(h.sent.filter((r) => r.status !== 429)).toHaveLength(LIMIT);
  });

  it("shows the waiting state with its end time, and a finish time that holds from the first answer to the last", async () => {
    const h = harness();
    const queue = deleteQueue(h.ids(32), { send: h.send, now: h.now, sleep: h.sleep });
    const seen: { at: number; status: string; waitUntil: number | null; finishAt: number | null }[] = [];
    queue.subscribe(() => {
      const s = queue.getSnapshot();
      seen.push({ at: h.clock.now, status: s.status, waitUntil: s.waitUntil, finishAt: s.finishAt });
    });
    await queue.start();
    const finishedAt = h.clock.now;
    const waiting = seen.filter((s) => s.status === "waiting");
    expect(waiting).toHaveLength(Math.ceil(32 / LIMIT) - 1);
    for (const state of waiting) expect(state.waitUntil).toBeGreaterThan(0);
    // Every estimate once the first answer came: within one request of the truth (today's was off by windows).
    const estimates = seen.filter((s) => s.finishAt !== null);
    expect(estimates.length).toBeGreaterThan(30);
    for (const s of estimates) expect(Math.abs(s.finishAt! - finishedAt)).toBeLessThanOrEqual(REQUEST_MS);
    expect(queue.getSnapshot().finishAt).toBe(finishedAt);
  });

  it("tells another client's spending from its own, and expects the slots it took to come back later", async () => {
    const h = harness();
    const queue = deleteQueue(h.ids(12), { send: h.send, now: h.now, sleep: h.sleep });
    const others: number[] = [];
    queue.subscribe(() => others.push(queue.getSnapshot().othersSpending));
    // Before the queue starts, an API client spends two of the window's five writes.
    await h.spendElsewhere(2);
    await queue.start();
    expect(others[0]).toBe(0);
    expect(Math.max(...others)).toBe(2);
    // Once those two have left the window, the team's window is the queue's alone again.
    expect(queue.getSnapshot().othersSpending).toBe(0);
    expect(queue.getSnapshot().counts.deleted).toBe(12);
  });

  it("resumes a saved run: only the entries left are sent and the tally carries on", async () => {
    const h = harness({ gone: new Set(["dnc_4"]) });
    const ids = h.ids(6);
    const outcomes: string[] = [];
    const deps = {
      send: h.send,
      now: h.now,
      sleep: h.sleep,
      onOutcome: (id: string, outcome: string) => outcomes.push(`${id}:${outcome}`),
    };
    // Saved after three answers: two deleted, one failed (kept for Retry).
    const resumed = new RequestQueue(ids.slice(3), ENTRY_ACTIONS.delete.outcomes, deps, {
      total: 6,
      counts: { deleted: 2, already_gone: 0, not_permitted: 0 },
      failed: 1,
      failedIds: ["dnc_2"],
    });
    expect(resumed.getSnapshot()).toMatchObject({ total: 6, processed: 3, failed: 1 });
    await resumed.start();
    expect(h.sent.map((r) => r.id)).toEqual(["dnc_3", "dnc_4", "dnc_5"]);
    expect(outcomes).toEqual(["dnc_3:deleted", "dnc_4:already_gone", "dnc_5:deleted"]);
    expect(resumed.getSnapshot()).toMatchObject({
      status: "done",
      processed: 6,
      counts: { deleted: 4, already_gone: 1 },
      failed: 1,
      failedIds: ["dnc_2"],
    });
    expect(resumed.getPending()).toEqual([]);
  });

  it("ignores duplicate ids", async () => {
    const h = harness();
    const queue = deleteQueue(["dnc_0", "dnc_0", ...h.ids(2)], { send: h.send, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ total: 2, counts: { deleted: 2 } });
  });
});

describe("RequestQueue, restoring", () => {
  it("restores at the same pace as deleting: ⌈N/L⌉−1 windows, one wait per exhausted window", async () => {
    const h = harness();
    const start = h.clock.now;
    const queue = restoreQueue(h.ids(12, "removed"), { send: h.sendRestore, now: h.now, sleep: h.sleep });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({ status: "done", processed: 12, counts: { restored: 12 }, failed: 0 });
    const minimum = (Math.ceil(12 / LIMIT) - 1) * WINDOW_MS;
    expect(h.clock.now - start).toBeGreaterThanOrEqual(minimum);
    expect(h.clock.now - start).toBeLessThanOrEqual(minimum + 15 * REQUEST_MS);
    expect(h.sleeps).toHaveLength(2);
    expect(h.listed.size).toBe(12);
  });

  it("counts 409 as already on the list, 404 as no longer restorable, 403 as not permitted, 5xx as failed", async () => {
    const h = harness({
      relisted: new Set(["dnc_1"]),
      gone: new Set(["dnc_2"]),
      forbidden: new Set(["dnc_3"]),
      broken: new Set(["dnc_4"]),
    });
    const outcomes: string[] = [];
    const queue = restoreQueue(h.ids(5, "removed"), {
      send: h.sendRestore,
      now: h.now,
      sleep: h.sleep,
      onOutcome: (id, outcome) => outcomes.push(`${id}:${outcome}`),
    });
    await queue.start();
    expect(queue.getSnapshot()).toMatchObject({
      counts: { restored: 1, already_listed: 1, not_restorable: 1, not_permitted: 1 },
      failed: 1,
      failedIds: ["dnc_4"],
    });
    expect(outcomes).toEqual(["dnc_0:restored", "dnc_1:already_listed", "dnc_2:not_restorable", "dnc_3:not_permitted", "dnc_4:failed"]);
  });

  it("an undo right after a bulk delete waits for the budget the delete spent, and never exceeds the limit", async () => {
    const h = harness();
    const deleted: string[] = [];
    const removal = deleteQueue(h.ids(7), {
      send: h.send,
      now: h.now,
      sleep: h.sleep,
      onOutcome: (id, outcome) => outcome === "deleted" && deleted.push(id),
    });
    await removal.start();
    const undoStart = h.clock.now;
    const undo = restoreQueue(deleted, { send: h.sendRestore, now: h.now, sleep: h.sleep });
    await undo.start();

    expect(undo.getSnapshot()).toMatchObject({ status: "done", counts: { restored: 7 }, failed: 0 });
    expect(h.listed.size).toBe(7);
    // The delete's last writes are still in the window, so the undo meets the limit before its seventh.
    expect(h.sent.filter((r) => r.at > undoStart && r.status === 201).length).toBe(7);
    expect(h.sent.findIndex((r) => r.at > undoStart && r.status === 429)).toBeGreaterThan(-1);
    const allowed = h.sent.filter((r) => r.status !== 429).map((r) => r.at);
    for (const [i, at] of allowed.entries()) {
      if (i >= LIMIT) expect(at - allowed[i - LIMIT]!).toBeGreaterThanOrEqual(WINDOW_MS);
    }
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
