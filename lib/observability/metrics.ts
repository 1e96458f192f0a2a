import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { env } from "@/lib/env";

/**
 * The process's Prometheus instruments (read at GET /api/metrics, lib/observability/metrics-endpoint.ts).
 * Recorded only when METRICS_TOKEN is set: without it nobody can read them, so nothing is spent on
 * them. Kept on globalThis, because Next.js may load this module more than once per process and
 * every copy must count into the one registry the scrape reads.
 */
export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { dncMetrics?: Metrics | null };

export function metrics(): Metrics | null {
  if (globalForMetrics.dncMetrics === undefined) globalForMetrics.dncMetrics = env().METRICS_TOKEN ? createMetrics() : null;
  return globalForMetrics.dncMetrics;
}

/** Seconds; API answers are mostly milliseconds, batch checks and imports reach seconds. */
const LATENCY_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

type PoolCounts = { totalCount: number; idleCount: number; waitingCount: number };

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: "dnc_http_requests_total",
    help: "API requests answered, by route template, method and status class",
    labelNames: ["route", "method", "status"],
    registers: [registry],
  });
  const latency = new Histogram({
    name: "dnc_http_request_duration_seconds",
    help: "Time from the request reaching its route to the answer, by route template, method and status class",
    labelNames: ["route", "method", "status"],
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return {
    registry,
    requests,
    latency,
    rateLimitRefusals: new Counter({
      name: "dnc_rate_limit_refusals_total",
      help: "API requests refused with 429 by the team's rate limit, by bucket",
      labelNames: ["bucket"],
      registers: [registry],
    }),
    checkCache: new Counter({
      name: "dnc_check_cache_lookups_total",
      help: "Check answers looked up in the team cache, by result (hit or miss); a batch counts each identifier",
      labelNames: ["result"],
      registers: [registry],
    }),
    webhookAttempts: new Counter({
      name: "dnc_webhook_delivery_attempts_total",
      help: "Webhook sends, by outcome: success (2xx), http_error (another status) or unreachable (no answer)",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    signInThrottled: new Counter({
      name: "dnc_sign_in_throttled_total",
      help: "Password attempts (sign-in and password change) refused by the sign-in throttle",
      registers: [registry],
    }),
    auditAppends: new Counter({
      name: "dnc_audit_events_appended_total",
      help: "Events appended to the teams' audit chains",
      registers: [registry],
    }),
    /** Set once the PostgreSQL pool exists; SQLite has none, and gets no pool series rather than zeros. */
    databasePool: undefined as PoolCounts | undefined,
  };
}

/** `2xx`, `4xx`, `5xx`: the class, so the series stay few. */
const statusClass = (status: number) => `${Math.floor(status / 100)}xx`;

/** One answered API request; `route` is the definition's path template (`/api/v1/dnc/{id}`), never the URL. */
export function recordRequest(route: string, method: string, status: number, seconds: number) {
  const state = metrics();
  if (!state) return;
  // A refused request's method is whatever the client sent: one label value stands for all others.
  const labels = { route, method: METHODS.has(method) ? method : "OTHER", status: statusClass(status) };
  state.requests.inc(labels);
  state.latency.observe(labels, seconds);
}

export function recordRateLimitRefusal(bucket: string) {
  metrics()?.rateLimitRefusals.inc({ bucket });
}

export function recordCheckCache(hits: number, misses: number) {
  const state = metrics();
  if (!state) return;
  if (hits > 0) state.checkCache.inc({ result: "hit" }, hits);
  if (misses > 0) state.checkCache.inc({ result: "miss" }, misses);
}

export function recordWebhookAttempt(outcome: { ok: boolean; statusCode: number | null }) {
  metrics()?.webhookAttempts.inc({ outcome: outcome.ok ? "success" : outcome.statusCode === null ? "unreachable" : "http_error" });
}

export function recordSignInThrottled() {
  metrics()?.signInThrottled.inc();
}

export function recordAuditAppends(count: number) {
  if (count > 0) metrics()?.auditAppends.inc(count);
}

/** The PostgreSQL pool whose use the scrape reports: pg's Pool counts, read at scrape time. */
export function observeDatabasePool(pool: PoolCounts) {
  const state = metrics();
  if (!state) return;
  // A reconnect after a failed first connection brings a new pool: the gauges read the latest.
  const firstPool = state.databasePool === undefined;
  state.databasePool = pool;
  if (!firstPool) return;
  const gauge = (name: string, help: string, read: (pool: PoolCounts) => number) =>
    new Gauge({
      name,
      help,
      registers: [state.registry],
      collect() {
        this.set(read(state.databasePool!));
      },
    });
  gauge("dnc_db_pool_connections", "PostgreSQL connections open in this process's pool", (counts) => counts.totalCount);
  gauge("dnc_db_pool_idle_connections", "PostgreSQL connections open and idle", (counts) => counts.idleCount);
  gauge("dnc_db_pool_waiting_requests", "Queries waiting for a PostgreSQL connection", (counts) => counts.waitingCount);
}
