import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api, type ApiRequest, type ApiResponse } from "../support/api";
import { createTestTeam, uniqueProfileUrl } from "../support/fixtures";
import { type RunningServer, startServer } from "../support/server";
import { type LogLine, logLinesThrough } from "../support/server-log";
import { signIn } from "../support/session";
import { startWebhookReceiver, waitFor } from "../support/webhook-receiver";

const METRICS_TOKEN = `metrics-${randomBytes(16).toString("hex")}`;
const BATCH_LIMIT = 2;
const SIGN_IN_ACCOUNT_LIMIT = 2;

/**
 * A server of its own with metrics on, its stdout in a file of its own, and 127.0.0.1 as a trusted
 * proxy (so it takes the X-Request-Id the test sends). Shares the project's database and Redis.
 */
let server: RunningServer;
let logFile: string;
beforeAll(async () => {
  logFile = path.join(inject("workDir"), `observability-${randomBytes(4).toString("hex")}.log`);
  server = await startServer({
    databaseUrl: inject("databaseUrl"),
    logFile,
    env: {
      REDIS_URL: inject("redisUrl"),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      METRICS_TOKEN,
      LOG_LEVEL: "info",
      DNC_TRUSTED_PROXIES: "127.0.0.1",
      DNC_RATE_BATCH_LIMIT: String(BATCH_LIMIT),
      DNC_SIGNIN_ACCOUNT_LIMIT: String(SIGN_IN_ACCOUNT_LIMIT),
    },
  });
});
afterAll(async () => server?.stop());

/** Every answer the test got from its server, to find each one's log line. */
const answered: { requestId: string; status: number }[] = [];

async function send(pathAndQuery: string, request: ApiRequest = {}): Promise<ApiResponse> {
  const response = await api(pathAndQuery, { ...request, baseUrl: server.baseUrl });
  const requestId = response.headers.get("x-request-id");
  expect(requestId, `${request.method ?? "GET"} ${pathAndQuery} answered without X-Request-Id`).toBeTruthy();
  answered.push({ requestId: requestId!, status: response.status });
  return response;
}

const readMetrics = async () => {
  const response = await send("/api/metrics", { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(response.status).toBe(200);
  return response.body as string;
};

/** The sum of the samples of `name` whose labels include `labels`. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(\{.*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const own = Object.fromEntries([...(match[2] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => own[key] === value)) sum += Number(match[3]);
  }
  return sum;
}

const has = (text: string, name: string) => text.split("\n").some((line) => line.startsWith(`${name} `) || line.startsWith(`${name}{`));

describe("GET /api/metrics", () => {
  it("does not exist on a server without METRICS_TOKEN: 404 in the envelope, whatever the token", async () => {
    for (const headers of [{}, { authorization: `Bearer ${METRICS_TOKEN}` }] as Record<string, string>[]) {
      const response = await api("/api/metrics", { headers });
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: "not_found" });
      expect(response.headers.get("x-request-id")).toMatch(/^req_\w{16}$/);
    }
  });

  it("refuses a missing or wrong token with 401 in the envelope", async () => {
    for (const authorization of [undefined, "Bearer wrong", `Bearer ${METRICS_TOKEN}x`, `Basic ${METRICS_TOKEN}`, METRICS_TOKEN]) {
      const response = await send("/api/metrics", { headers: authorization ? { authorization } : {} });
      expect(response.status, authorization).toBe(401);
      expect(response.body).toMatchObject({ error: "unauthorized" });
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    expect((await send("/api/metrics", { method: "POST", headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(405);
  });

  it("counts requests by route template, cache hits and misses, refusals, audit appends and webhook sends", async () => {
    const team = await createTestTeam();
    const hooks = await startWebhookReceiver();
    try {
      const registered = await send("/api/v1/webhooks", {
        method: "POST",
        key: team.writeKey,
        body: { url: hooks.url(), events: ["dnc.added"] },
      });
      expect(registered.status).toBe(201);
      hooks.setSecret(registered.body.data.secret);
      const before = await readMetrics();
      const url = uniqueProfileUrl("metrics");
      const check = () => send(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey });

      expect((await check()).status).toBe(200);
      const afterMiss = await readMetrics();
      expect(sample(afterMiss, "dnc_check_cache_lookups_total", { result: "miss" })).toBe(
        sample(before, "dnc_check_cache_lookups_total", { result: "miss" }) + 1,
      );
      expect(sample(afterMiss, "dnc_check_cache_lookups_total", { result: "hit" })).toBe(
        sample(before, "dnc_check_cache_lookups_total", { result: "hit" }),
      );
      expect((await check()).status).toBe(200);
      const afterHit = await readMetrics();
      expect(sample(afterHit, "dnc_check_cache_lookups_total", { result: "hit" })).toBe(
        sample(afterMiss, "dnc_check_cache_lookups_total", { result: "hit" }) + 1,
      );
      const checks = { route: "/api/v1/dnc/check", method: "GET", status: "2xx" };
      expect(sample(afterHit, "dnc_http_requests_total", checks)).toBe(sample(before, "dnc_http_requests_total", checks) + 2);
      expect(sample(afterHit, "dnc_http_request_duration_seconds_count", checks)).toBe(sample(afterHit, "dnc_http_requests_total", checks));
      expect(afterHit).not.toContain(url);

      // A path id is a label value only as its template.
      expect((await send("/api/v1/dnc/dnc_nosuchentry0000000", { method: "DELETE", key: team.writeKey })).status).toBe(404);
      expect((await send("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url } })).status).toBe(201);
      await waitFor("the delivery", () => hooks.received.length >= 1);
      for (let i = 0; i <= BATCH_LIMIT; i++) {
        const batch = await send("/api/v1/dnc/batch", {
          method: "POST",
          key: team.writeKey,
          body: { entries: [{ url: uniqueProfileUrl("batch") }] },
        });
        expect(batch.status).toBe(i < BATCH_LIMIT ? 201 : 429);
      }
      // The worker records its send after the receiver has answered.
      let after = await readMetrics();
      for (let tries = 0; sample(after, "dnc_webhook_delivery_attempts_total", { outcome: "success" }) === 0 && tries < 50; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await readMetrics();
      }
      expect(sample(after, "dnc_http_requests_total", { route: "/api/v1/dnc/{id}", method: "DELETE", status: "4xx" })).toBe(
        sample(before, "dnc_http_requests_total", { route: "/api/v1/dnc/{id}", method: "DELETE", status: "4xx" }) + 1,
      );
      expect(after).not.toContain("dnc_nosuchentry");
      expect(sample(after, "dnc_rate_limit_refusals_total", { bucket: "batch" })).toBe(
        sample(before, "dnc_rate_limit_refusals_total", { bucket: "batch" }) + 1,
      );
      // One add and two batches of one: three events on the team's chain.
      expect(sample(after, "dnc_audit_events_appended_total")).toBeGreaterThanOrEqual(
        sample(before, "dnc_audit_events_appended_total") + 3,
      );
      expect(sample(after, "dnc_webhook_delivery_attempts_total", { outcome: "success" })).toBeGreaterThanOrEqual(
        sample(before, "dnc_webhook_delivery_attempts_total", { outcome: "success" }) + 1,
      );
      expect(has(after, "dnc_webhook_outbox_pending")).toBe(true);
      expect(sample(after, "dnc_webhook_outbox_oldest_due_age_seconds")).toBeGreaterThanOrEqual(0);
      expect(has(after, "process_cpu_user_seconds_total")).toBe(true);
      expect(has(after, "nodejs_eventloop_lag_seconds")).toBe(true);
    } finally {
      await hooks.close();
    }
  });

  it("counts sign-in attempts the throttle refuses", async () => {
    const before = await readMetrics();
    const team = await createTestTeam();
    const { createUser } = await import("@/lib/users/create-user");
    const email = `throttled-${randomBytes(4).toString("hex")}@example.test`;
    await createUser({ email, password: "a-long-unusual-passphrase-42", teamId: team.id, role: "viewer" });
    for (let i = 0; i <= SIGN_IN_ACCOUNT_LIMIT; i++) await signIn(email, `wrong-${i}-passphrase`, server.baseUrl);
    const after = await readMetrics();
    expect(sample(after, "dnc_sign_in_throttled_total")).toBe(sample(before, "dnc_sign_in_throttled_total") + 1);
  });

  it("reports the PostgreSQL pool's use, and Redis's state when it is configured", async () => {
    const text = await readMetrics();
    if (inject("engine") === "postgresql") {
      expect(sample(text, "dnc_db_pool_connections")).toBeGreaterThanOrEqual(1);
      expect(sample(text, "dnc_db_pool_idle_connections")).toBeLessThanOrEqual(sample(text, "dnc_db_pool_connections"));
      expect(sample(text, "dnc_db_pool_waiting_requests")).toBe(0);
    } else {
      expect(has(text, "dnc_db_pool_connections")).toBe(false);
    }
    if (inject("redisUrl")) expect(sample(text, "dnc_redis_up")).toBe(1);
    else expect(has(text, "dnc_redis_up")).toBe(false);
  });
});

describe("one JSON log line per API request, with ids and no secrets or personal data", () => {
  it("takes a trusted proxy's X-Request-Id of a sane shape, and makes its own otherwise", async () => {
    const team = await createTestTeam();
    const forwarded = `proxy-${randomBytes(8).toString("hex")}`;
    const taken = await send("/api/v1/dnc", { key: team.readKey, headers: { "x-request-id": forwarded } });
    expect(taken.headers.get("x-request-id")).toBe(forwarded);
    for (const offered of ["has spaces in it", "x".repeat(129), 'quote"d', "semi;colon", "<script>"]) {
      const response = await send("/api/v1/dnc", { key: team.readKey, headers: { "x-request-id": offered } });
      expect(response.headers.get("x-request-id")).toMatch(/^req_\w{16}$/);
    }
    // The shared server trusts no proxy: a client's own id is never taken.
    const untrusted = await api("/api/v1/dnc", { key: team.readKey, headers: { "x-request-id": forwarded } });
    expect(untrusted.headers.get("x-request-id")).toMatch(/^req_\w{16}$/);
  });

  it("logs hostile traffic without a key, password, token, webhook secret or LinkedIn URL, one line per request", async () => {
    const team = await createTestTeam();
    const secrets: string[] = [team.writeKey.slice("dncsk_".length), team.readKey.slice("dncsk_".length)];
    const keep = (value: string) => (secrets.push(value), value);

    // API keys: unknown, malformed, and real ones, on every kind of answer.
    const unknownKey = keep(`dncsk_${randomBytes(24).toString("base64url")}`);
    await send("/api/v1/dnc", { key: unknownKey });
    await send("/api/v1/dnc", { key: keep(`not-a-key-${randomBytes(8).toString("hex")}`) });
    await send("/api/v1/dnc/check", { method: "PUT", key: team.writeKey });
    await send("/api/v1/no-such-route", { key: team.writeKey });

    // LinkedIn URLs in checks, adds, batches, aliases, path segments and hostile bodies.
    const profiles = Array.from({ length: 4 }, (_, i) => keep(`obs-slug-${i}-${randomBytes(5).toString("hex")}`));
    await send(`/api/v1/dnc/check?url=${encodeURIComponent(`https://www.linkedin.com/in/${profiles[0]}`)}`, { key: team.readKey });
    const added = await send("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: `linkedin.com/in/${profiles[1]}` } });
    expect(added.status).toBe(201);
    await send("/api/v1/dnc/check/batch", {
      method: "POST",
      key: team.readKey,
      body: { urls: [`in/${profiles[2]}`, `in/${profiles[1]}`] },
    });
    await send(`/api/v1/dnc/${added.body.data.id}/aliases`, { method: "POST", key: team.writeKey, body: { url: `in/${profiles[3]}` } });
    await send(`/api/v1/dnc/${added.body.data.id}/aliases/${encodeURIComponent(`in/${profiles[3]}`)}`, {
      method: "DELETE",
      key: team.writeKey,
    });
    await send(`/api/v1/no-such-route/linkedin.com/in/${profiles[0]}`, { key: team.readKey });
    await send("/api/v1/dnc", {
      method: "POST",
      key: team.writeKey,
      body: `{"url":"https://linkedin.com/in/${profiles[2]}'); DROP TABLE x;--`,
    });
    await send("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: `https://linkedin.com/in/${profiles[2]}\u0000` } });

    // A webhook's secret, as the API hands it out once.
    const webhook = await send("/api/v1/webhooks", {
      method: "POST",
      key: team.writeKey,
      body: { url: "http://127.0.0.1:9/dnc", events: ["dnc.added"] },
    });
    expect(webhook.status).toBe(201);
    keep(webhook.body.data.secret);

    // Passwords at sign-in (wrong and right) and an invitation's token, accepted once and replayed.
    const { createUser } = await import("@/lib/users/create-user");
    const email = `logged-${randomBytes(4).toString("hex")}@example.test`;
    const password = keep(`right-${randomBytes(12).toString("hex")}`);
    await createUser({ email, password, teamId: team.id, role: "owner" });
    expect((await signIn(email, keep(`wrong-${randomBytes(12).toString("hex")}`), server.baseUrl)).error).toBeTruthy();
    const { jar, error } = await signIn(email, password, server.baseUrl);
    expect(error).toBeNull();
    const asOwner = { cookie: jar.header(), "x-dnc-team": team.slug, origin: server.baseUrl };
    const invitation = await send("/api/v1/invitations", {
      method: "POST",
      headers: asOwner,
      body: { email: `invitee-${randomBytes(4).toString("hex")}@example.test`, role: "viewer" },
    });
    expect(invitation.status).toBe(201);
    const token = keep(String(invitation.body.data.url).split("/invite/")[1]!);
    const newPassword = keep(`invitee-${randomBytes(12).toString("hex")}`);
    const acceptance = { token, name: "Invitee", password: newPassword };
    expect((await send("/api/invitations/accept", { method: "POST", body: acceptance, headers: { origin: server.baseUrl } })).status).toBe(
      200,
    );
    expect((await send("/api/invitations/accept", { method: "POST", body: acceptance, headers: { origin: server.baseUrl } })).status).toBe(
      404,
    );
    const changed = keep(`changed-${randomBytes(12).toString("hex")}`);
    await send("/api/account/password", {
      method: "POST",
      headers: asOwner,
      body: { currentPassword: keep("not-the-password-1"), newPassword: changed },
    });

    const lines = await logLinesThrough(logFile, answered.at(-1)!.requestId);
    const text = lines.map((line) => JSON.stringify(line)).join("\n");
    for (const secret of secrets) expect(text, "a secret or personal datum was logged").not.toContain(secret);
    expect(text).not.toContain("linkedin.com/in/");

    const requestLines = lines.filter((line) => line.msg === "request");
    for (const { requestId, status } of answered) {
      const own = requestLines.filter((line) => line.requestId === requestId);
      expect(own, `log lines of ${requestId}`).toHaveLength(1);
      expectRequestLine(own[0]!, status);
    }
    const ownKeyLines = requestLines.filter((line) => line.teamId === team.id);
    expect(ownKeyLines.length).toBeGreaterThan(5);
    for (const line of ownKeyLines) expect(line.caller).toMatch(/^key:dncsk_\w+$|^user_\w+$/);
    expect(requestLines.find((line) => line.route === "/api/v1/dnc/{id}/aliases/{url}")).toMatchObject({
      method: "DELETE",
      teamId: team.id,
    });
  });
});

function expectRequestLine(line: LogLine, status: number) {
  expect(line).toMatchObject({ level: "info", status });
  expect(new Date(line.time).toISOString()).toBe(line.time);
  expect(line.route).toMatch(/^\/api\/|^\((unmatched|refused)\)$/);
  expect(line.method).toMatch(/^[A-Z]+$/);
  expect(line.teamId === null || typeof line.teamId === "string").toBe(true);
  expect(line.caller === null || typeof line.caller === "string").toBe(true);
  expect(typeof line.durationMs).toBe("number");
}
