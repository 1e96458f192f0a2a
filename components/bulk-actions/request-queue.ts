/**
 * A client-side queue that sends one request per item (a DELETE per entry, a restore per removed
 * entry), as fast as the server's rate limit allows and no faster. It has no UI and no timers of its
 * own: the clock, the sleep and the request are injected, so its pacing is tested without a browser
 * or a server; what each answer means for its item is the caller's table of outcomes.
 *
 * Pacing comes only from the server: requests go back to back while the server accepts them; a 429
 * is not an outcome but a pause until the `resetTime` it carries (bounded by its `RateLimit-Reset`
 * seconds, so a client clock that is off cannot make it wait longer than the server asked), then the
 * same entry is sent again. With a limit of L per window W, N entries take ⌈N/L⌉−1 waits.
 *
 * No answer (a network error) or a 502/503/504 (what a proxy in front of a stopped server says; our
 * own 503 refuses writes while Redis is down) is not an outcome either: the server is unreachable,
 * and a stopped server would otherwise turn every remaining entry into a failure in milliseconds.
 * The queue goes `offline` and sends the same entry again after 1, 2, 4 … s (at most 30 s between
 * attempts) until the server answers. Given a `probe` (a health check that spends no write budget),
 * it asks every second meanwhile and sends again as soon as the server is back, so a long backoff
 * does not outlast the outage.
 *
 * The estimate replays the server's rolling window: each slot of the window frees one window after
 * the request that took it (the queue knows when its own requests went; the headers say how many the
 * window holds in all), so the slots others took are told apart from the queue's own.
 */

/**
 * What the answers of one kind of request mean: each outcome with the statuses that say it, in the
 * order a progress view lists them. Any other answer (a 500, a 400) is `failed`, kept for Retry.
 */
export type OutcomeStatuses<Outcome extends string> = Readonly<Record<Outcome, readonly number[]>>;

export type QueueStatus = "idle" | "running" | "waiting" | "offline" | "paused" | "cancelled" | "done";

export type QueueResponse = {
  status: number;
  headers: { get(name: string): string | null };
  /** From a 429 body: epoch ms of the earliest allowed retry. */
  resetTime?: number;
};

export type RequestQueueDeps<Outcome extends string> = {
  /** Sends the request for one item; rejects only when no response arrived (network error). */
  send: (id: string) => Promise<QueueResponse>;
  now: () => number;
  /** Resolves after `ms`, or as soon as the signal aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  onOutcome?: (id: string, outcome: Outcome | "failed") => void;
  /** Whether the server would take the request now; asked while offline. Resolves false (never rejects) when it would not. */
  probe?: (signal: AbortSignal) => Promise<boolean>;
};

export type OfflineState = { attempts: number; retryAt: number | null; httpStatus: number | null };

export type QueueSnapshot<Outcome extends string> = {
  status: QueueStatus;
  total: number;
  processed: number;
  counts: Readonly<Record<Outcome, number>>;
  failed: number;
  /** Entries never sent because the run was cancelled. */
  notSent: number;
  failedIds: string[];
  /** Epoch ms (queue clock) when the rate-limit wait ends, while status is `waiting`. */
  waitUntil: number | null;
  /** While status is `offline`: attempts without an answer, when the next goes (null: under way), and the gateway's status (null: no answer at all). */
  offline: OfflineState | null;
  /** Epoch ms (queue clock) when the run should finish, from the server's policy and the observed request time; null until known. */
  finishAt: number | null;
  /** Slots of the team's current window that other clients (another device, an API key) took, at the last answer. */
  othersSpending: number;
};

/** Where a run stood when it was saved: a queue built with it carries on counting from there. */
export type QueueProgress<Outcome extends string> = {
  total: number;
  counts: Readonly<Record<Outcome, number>>;
  failed: number;
  failedIds: readonly string[];
};

/** The write budget as the last answer stated it, and when that answer came (queue clock). */
type RatePolicy = { limit: number; windowMs: number; remaining: number; resetMs: number; observedAt: number };
/** One allowed request of this queue: the server counted it at some moment between these two. */
type Sent = { sentAt: number; answeredAt: number };

/** Never retry a 429 sooner than this, whatever the headers say, so a confused clock cannot make the queue spin. */
const MIN_WAIT_MS = 50;
/** Waits between attempts while the server is unreachable: doubling from the first, capped. */
const OFFLINE_FIRST_WAIT_MS = 1000;
const OFFLINE_MAX_WAIT_MS = 30_000;
/** How often a queue with a probe asks, while offline, whether the server is back. */
export const PROBE_INTERVAL_MS = 1000;
/** Gateway answers: a proxy speaking for a server that is down, not the server's answer about the entry. */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

export class RequestQueue<Outcome extends string> {
  private pending: string[];
  private status: QueueStatus = "idle";
  private counts: Record<Outcome, number>;
  private failed = 0;
  private failedIds: string[] = [];
  private waitUntil: number | null = null;
  private offline: OfflineState | null = null;
  private policy: RatePolicy | null = null;
  private othersSpending = 0;
  /** This queue's allowed requests within the last window or so, oldest first. */
  private sent: Sent[] = [];
  /** How long the last answers took: their median is the request time the estimate uses. */
  private requestTimes: number[] = [];
  private active = false;
  private waitAbort: AbortController | null = null;
  private listeners = new Set<() => void>();
  private snapshot: QueueSnapshot<Outcome>;
  private total: number;

  constructor(
    ids: readonly string[],
    private readonly outcomes: OutcomeStatuses<Outcome>,
    private readonly deps: RequestQueueDeps<Outcome>,
    /** A resumed run: `ids` are the entries it had left, the tally goes on from here. */
    progress?: QueueProgress<Outcome>,
  ) {
    this.pending = [...new Set(ids)];
    this.total = progress?.total ?? this.pending.length;
    this.counts = Object.fromEntries(
      (Object.keys(outcomes) as Outcome[]).map((outcome) => [outcome, progress?.counts[outcome] ?? 0]),
    ) as Record<Outcome, number>;
    this.failed = progress?.failed ?? 0;
    this.failedIds = [...(progress?.failedIds ?? [])];
    this.snapshot = this.buildSnapshot();
  }

  /** The entries not yet answered, in sending order (the one out now first): what a saved run keeps. */
  getPending = (): readonly string[] => this.pending;

  /** For React's useSyncExternalStore: a stable object between changes. */
  getSnapshot = (): QueueSnapshot<Outcome> => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Starts, or resumes after a pause. Returns when the run stops (done, paused or cancelled). */
  start(): Promise<void> {
    if (this.status === "cancelled" || this.status === "done") return Promise.resolve();
    this.setStatus("running");
    return this.active ? Promise.resolve() : this.run();
  }

  /** After a pause, continues; while offline, tries the server again at once instead of at the next attempt. */
  resume(): Promise<void> {
    if (this.status === "paused") return this.start();
    if (this.status === "offline") this.waitAbort?.abort();
    return Promise.resolve();
  }

  /** Takes effect before the next request; a request already sent completes and is counted. */
  pause() {
    if (this.status !== "running" && this.status !== "waiting" && this.status !== "offline") return;
    this.waitAbort?.abort();
    this.setStatus("paused");
  }

  /** Stops before the next request; what was sent stays in the tally, the rest is reported as not sent. */
  cancel() {
    if (this.status === "done" || this.status === "cancelled") return;
    this.waitAbort?.abort();
    this.setStatus("cancelled");
  }

  /** Puts the failed entries back in the queue and runs again. */
  retryFailed(): Promise<void> {
    if (this.active || this.failedIds.length === 0) return Promise.resolve();
    this.pending = [...this.failedIds, ...(this.status === "cancelled" ? this.pending : [])];
    this.failedIds = [];
    this.failed = 0;
    this.status = "idle";
    return this.start();
  }

  private async run() {
    this.active = true;
    try {
      while (this.pending.length > 0) {
        if (this.status !== "running" && this.status !== "offline") return;
        const id = this.pending[0]!;
        const started = this.deps.now();
        let response: QueueResponse;
        try {
          response = await this.deps.send(id);
        } catch {
          await this.waitForServer(null);
          continue;
        }
        if (UNAVAILABLE_STATUSES.has(response.status)) {
          await this.waitForServer(response.status);
          continue;
        }
        this.reachedServer();
        this.observe(response, started, this.deps.now());
        if (response.status === 429) {
          await this.waitForRateLimit(response);
          continue;
        }
        this.settle(id, this.outcomeOf(response.status));
      }
      if (this.status === "running") this.setStatus("done");
    } finally {
      this.active = false;
    }
  }

  private outcomeOf(status: number): Outcome | "failed" {
    const outcomes = Object.keys(this.outcomes) as Outcome[];
    return outcomes.find((outcome) => this.outcomes[outcome].includes(status)) ?? "failed";
  }

  private settle(id: string, outcome: Outcome | "failed") {
    this.pending.shift();
    if (outcome === "failed") {
      this.failed += 1;
      this.failedIds.push(id);
    } else {
      this.counts[outcome] += 1;
    }
    this.deps.onOutcome?.(id, outcome);
    this.emit();
  }

  /**
   * The wait before the next attempt at an unreachable server; Resume cuts it short, Pause and
   * Cancel end it. A pause or cancel that came while the request was out leaves nothing to wait for.
   */
  private async waitForServer(httpStatus: number | null) {
    if (this.status !== "running" && this.status !== "offline") return;
    const attempts = (this.offline?.attempts ?? 0) + 1;
    const ms = Math.min(OFFLINE_FIRST_WAIT_MS * 2 ** (attempts - 1), OFFLINE_MAX_WAIT_MS);
    this.offline = { attempts, retryAt: this.deps.now() + ms, httpStatus };
    this.setStatus("offline");
    this.waitAbort = new AbortController();
    await this.backOff(ms, this.waitAbort.signal);
    this.waitAbort = null;
    this.offline = { attempts, retryAt: null, httpStatus };
    this.emit();
  }

  /** Sleeps `ms`, or less: with a probe, until the first probe that finds the server back. */
  private async backOff(ms: number, signal: AbortSignal) {
    const { probe, sleep, now } = this.deps;
    if (!probe) return sleep(ms, signal);
    const until = now() + ms;
    while (!signal.aborted && now() < until) {
      await sleep(Math.min(PROBE_INTERVAL_MS, until - now()), signal);
      if (signal.aborted || now() >= until) return;
      if (await probe(signal)) return;
    }
  }

  private reachedServer() {
    this.offline = null;
    if (this.status === "offline") this.setStatus("running");
  }

  private async waitForRateLimit(response: QueueResponse) {
    const ms = retryDelayMs(response, this.deps.now());
    this.waitUntil = this.deps.now() + ms;
    this.setStatus("waiting");
    this.waitAbort = new AbortController();
    await this.deps.sleep(ms, this.waitAbort.signal);
    this.waitAbort = null;
    this.waitUntil = null;
    if (this.status === "waiting") this.setStatus("running");
    else this.emit();
  }

  private observe(response: QueueResponse, sentAt: number, answeredAt: number) {
    const elapsedMs = answeredAt - sentAt;
    if (response.status !== 429) {
      this.requestTimes = [...this.requestTimes.slice(1 - REQUEST_TIMES_KEPT), elapsedMs];
      this.sent.push({ sentAt, answeredAt });
    }
    const policy = readPolicy(response.headers, answeredAt);
    if (!policy) return;
    this.policy = policy;
    // Ours that may still be in the server's window (counted generously, so a request of ours is
    // never taken for someone else's); the window's other requests can only be others'.
    const horizon = sentAt - policy.windowMs;
    this.sent = this.sent.filter((s) => s.answeredAt > horizon);
    this.othersSpending = Math.max(0, policy.limit - policy.remaining - this.sent.length);
  }

  private setStatus(status: QueueStatus) {
    this.status = status;
    this.emit();
  }

  private emit() {
    this.snapshot = this.buildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildSnapshot(): QueueSnapshot<Outcome> {
    const settled = Object.values<number>(this.counts).reduce((sum, count) => sum + count, 0);
    return {
      status: this.status,
      total: this.total,
      processed: settled + this.failed,
      counts: { ...this.counts },
      failed: this.failed,
      notSent: this.status === "cancelled" ? this.pending.length : 0,
      failedIds: [...this.failedIds],
      waitUntil: this.waitUntil,
      offline: this.status === "offline" ? this.offline : null,
      finishAt: this.estimateFinish(),
      othersSpending: this.othersSpending,
    };
  }

  /**
   * When the last entry will have been answered: the remaining entries replayed against the window
   * the last answer described. Each takes a slot (a free one at once, a taken one when it frees,
   * after a refusal and the shortest wait, as `run` does), and its own slot frees a window later.
   * Others' requests are assumed not to return; when they do, the next answer says so.
   */
  private estimateFinish(): number | null {
    const now = this.deps.now();
    const left = this.pending.length;
    if (left === 0) return now;
    if (!this.policy || this.requestTimes.length === 0 || this.status === "offline") return null;
    const { limit, windowMs, remaining, resetMs, observedAt } = this.policy;
    const requestMs = median(this.requestTimes);
    const ours = this.sent.slice(Math.max(0, this.sent.length - (limit - remaining))).map((s) => (s.sentAt + s.answeredAt) / 2 + windowMs);
    const others: number[] = Array(Math.min(this.othersSpending, left)).fill(observedAt + resetMs);
    const slots = [...Array(Math.min(remaining, left)).fill(-Infinity), ...[...ours, ...others].sort((a, b) => a - b)];
    // The refusal this queue is waiting out named the exact moment its slot frees.
    if (this.waitUntil !== null && slots.length > 0) slots[0] = Math.max(slots[0]!, this.waitUntil);
    let cursor = this.waitUntil ?? now;
    const replayed = Math.min(left, MAX_REPLAYED);
    for (let i = 0; i < replayed; i++) {
      const frees = slots.shift() ?? cursor;
      const sendAt = frees <= cursor ? cursor : Math.max(frees, cursor + requestMs + MIN_WAIT_MS);
      insertSorted(slots, sendAt + requestMs / 2 + windowMs);
      cursor = sendAt + requestMs;
    }
    const start = this.waitUntil ?? now;
    // Beyond the replay the pace is the replay's own: the window repeats.
    return Math.round(cursor + ((cursor - start) / replayed) * (left - replayed));
  }
}

/** The median of this many answers: one slow answer (a busy machine, a GC pause) moves it little, a slower server soon. */
const REQUEST_TIMES_KEPT = 15;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Enough windows to settle the pace at any limit, few enough to replay on every answer. */
const MAX_REPLAYED = 2000;

function insertSorted(sorted: number[], value: number) {
  let i = sorted.length;
  while (i > 0 && sorted[i - 1]! > value) i--;
  sorted.splice(i, 0, value);
}

/**
 * How long to wait after a 429. The body's `resetTime` is exact but in the server's clock; the
 * `RateLimit-Reset` header (whole seconds, rounded up) says the true wait lies in (reset−1, reset] s,
 * so the exact figure is trusted within that interval.
 */
export function retryDelayMs(response: QueueResponse, now: number): number {
  const resetSeconds = Number(response.headers.get("RateLimit-Reset") ?? response.headers.get("Retry-After"));
  const hasReset = Number.isFinite(resetSeconds) && resetSeconds > 0;
  let ms: number;
  if (response.resetTime !== undefined && Number.isFinite(response.resetTime)) {
    ms = response.resetTime - now;
    if (hasReset) ms = Math.min(Math.max(ms, (resetSeconds - 1) * 1000), resetSeconds * 1000);
  } else {
    ms = hasReset ? resetSeconds * 1000 : 1000;
  }
  return Math.max(MIN_WAIT_MS, Math.ceil(ms));
}

/** `RateLimit-Limit/-Remaining/-Reset` plus the window from `RateLimit-Policy` (`…;w=<seconds>`). */
function readPolicy(headers: QueueResponse["headers"], observedAt: number): RatePolicy | null {
  const limit = Number(headers.get("RateLimit-Limit"));
  const remaining = Number(headers.get("RateLimit-Remaining"));
  const reset = Number(headers.get("RateLimit-Reset"));
  const window = Number(/;w=(\d+)/.exec(headers.get("RateLimit-Policy") ?? "")?.[1]);
  if (![limit, remaining, reset, window].every(Number.isFinite) || limit <= 0) return null;
  return { limit, remaining, resetMs: reset * 1000, windowMs: window * 1000, observedAt };
}
