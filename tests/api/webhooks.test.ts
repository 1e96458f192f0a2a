import { networkInterfaces } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestDatabase, openDatabase } from "../support/databases";
import { createTestTeam, type TestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";
import { freePort, startServer } from "../support/server";
import { signedInMember } from "../support/session";
import { startWebhookReceiver, waitFor, type WebhookReceiver } from "../support/webhook-receiver";

const ALL_EVENTS = ["dnc.added", "dnc.deleted", "dnc.restored"];

async function register(team: TestTeam, receiver: WebhookReceiver, events = ALL_EVENTS, baseUrl?: string) {
  const response = await api("/api/v1/webhooks", { method: "POST", key: team.writeKey, body: { url: receiver.url(), events }, baseUrl });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  receiver.setSecret(response.body.data.secret);
  return response.body.data as { id: string; secret: string };
}

const addEntry = (team: TestTeam, url = uniqueProfileUrl()) =>
  api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url } }).then((response) => response.body.data);

const deliveries = (team: TestTeam, webhookId: string) =>
  api(`/api/v1/webhooks/${webhookId}/deliveries`, { key: team.writeKey }).then((response) => response.body.data.deliveries);

let receivers: WebhookReceiver[] = [];
async function receiver() {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
}
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  receivers = [];
});

describe("webhook deliveries", () => {
  it("signs every delivery the Standard Webhooks way: one per add, delete and restore, none for a duplicate add", async () => {
    const team = await createTestTeam();
    const hooks = await receiver();
    const webhook = await register(team, hooks);
    expect(webhook.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);

    const entry = await addEntry(team);
    expect((await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: entry.url } })).status).toBe(409);
    expect((await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey, body: { reason: "asked" } })).status).toBe(200);
    expect((await api(`/api/v1/dnc/${entry.$id}/restore`, { method: "POST", key: team.writeKey })).status).toBe(201);

    await waitFor("three deliveries", () => hooks.received.length >= 3);
    expect(hooks.received.map((hook) => hook.type)).toEqual(["dnc.added", "dnc.deleted", "dnc.restored"]);
    const [added, deleted, restored] = hooks.received;
    expect(added!.data.entries).toEqual([entry]);
    expect(deleted!.data).toEqual({ id: entry.$id, url: entry.url, reason: "asked" });
    expect(restored!.data.entry).toMatchObject({ $id: entry.$id, url: entry.url });
    for (const hook of hooks.received) {
      expect(hook.id).toMatch(/^evt_/);
      expect(Math.abs(Number(hook.headers["webhook-timestamp"]) - Date.now() / 1000)).toBeLessThan(60);
    }
    expect(new Set(hooks.received.map((hook) => hook.id)).size).toBe(3);

    const log = await deliveries(team, webhook.id);
    expect(
      log.map((d: { type: string; status: string; attempts: number; lastStatusCode: number }) => [
        d.type,
        d.status,
        d.attempts,
        d.lastStatusCode,
      ]),
    ).toEqual([
      ["dnc.restored", "delivered", 1, 200],
      ["dnc.deleted", "delivered", 1, 200],
      ["dnc.added", "delivered", 1, 200],
    ]);
    expect(hooks.requests).toHaveLength(3);
  });

  it("sends a batch add as one dnc.added event carrying every added entry", async () => {
    const team = await createTestTeam();
    const hooks = await receiver();
    await register(team, hooks);
    const urls = Array.from({ length: 5 }, () => uniqueProfileUrl("batch"));
    const batch = await api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body: { entries: urls.map((url) => ({ url })) } });
    expect(batch.body.data.added).toBe(5);

    const [event] = await waitFor("the batch event", () => hooks.received.length > 0 && hooks.received);
    expect(event!.type).toBe("dnc.added");
    expect(event!.data.entries.map((e: { $id: string }) => e.$id)).toEqual(batch.body.data.details.map((d: { $id: string }) => d.$id));
    // The next change's delivery arriving proves nothing else was queued before it.
    await addEntry(team);
    await waitFor("the next event", () => hooks.received.length >= 2);
    expect(hooks.received).toHaveLength(2);
  });

  it("delivers to a host name through the resolving, checking dispatcher", async () => {
    const team = await createTestTeam();
    const hooks = await receiver();
    const response = await api("/api/v1/webhooks", {
      method: "POST",
      key: team.writeKey,
      body: { url: `http://localhost:${hooks.port}/hook`, events: ["dnc.added"] },
    });
    hooks.setSecret(response.body.data.secret);
    const entry = await addEntry(team);
    await waitFor("the delivery", () => hooks.received.length > 0);
    expect(hooks.received[0]!.data.entries[0].$id).toBe(entry.$id);
  });

  it("sends only the subscribed event types", async () => {
    const team = await createTestTeam();
    const hooks = await receiver();
    await register(team, hooks, ["dnc.deleted"]);
    const entry = await addEntry(team);
    await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey });
    await waitFor("the delete event", () => hooks.received.length > 0);
    expect(hooks.received.map((hook) => hook.type)).toEqual(["dnc.deleted"]);
  });

  it("keeps retrying while the receiver answers 503 or is gone, then delivers each event exactly once", async () => {
    const team = await createTestTeam();
    const hooks = await receiver();
    const webhook = await register(team, hooks);
    hooks.respondWith((_, response) => {
      response.statusCode = 503;
      response.end("down");
    });
    const entries = [await addEntry(team), await addEntry(team)];
    await waitFor("a second refused attempt", () => hooks.requests.length >= 4);
    hooks.respondWith((_, response) => response.end("ok"));

    await waitFor("both events", () => hooks.received.length >= 2);
    expect(hooks.received.map((hook) => hook.data.entries[0].$id).sort()).toEqual(entries.map((e) => e.$id).sort());
    // The receiver has the events before the worker records its answers: wait for the records.
    // Waits read the database: polling the API would spend the team's read budget.
    const db = await testDb();
    await waitFor(
      "both deliveries recorded",
      async () => (await db.webhookDelivery.count({ where: { endpointId: webhook.id, status: "delivered" } })) === 2,
    );
    const log = await deliveries(team, webhook.id);
    expect(log.every((d: { status: string; attempts: number }) => d.status === "delivered" && d.attempts >= 2)).toBe(true);

    // A closed port: the next event waits for the receiver to listen again on the same port.
    const port = hooks.port;
    await hooks.close();
    const third = await addEntry(team);
    await waitFor("a failed attempt", () =>
      db.webhookDelivery.findFirst({ where: { endpointId: webhook.id, status: "pending", attempts: { gte: 1 } } }),
    );
    const back = await startWebhookReceiverOn(port);
    back.setSecret(webhook.secret);
    await waitFor("the third event", () => back.received.length > 0);
    expect(back.received.map((hook) => hook.data.entries[0].$id)).toEqual([third.$id]);
    expect(new Set([...hooks.received, ...back.received].map((hook) => hook.id)).size).toBe(3);
  });

  it("disables an endpoint that keeps failing, with the reason, and re-enables it on request", async () => {
    const team = await createTestTeam();
    const hooks = await receiver();
    const webhook = await register(team, hooks);
    hooks.respondWith((_, response) => {
      response.statusCode = 500;
      response.end("broken");
    });
    await addEntry(team);
    const db = await testDb();
    await waitFor("the endpoint disabled", () => db.webhookEndpoint.findFirst({ where: { id: webhook.id, enabled: false } }));
    const disabled = (await api("/api/v1/webhooks", { key: team.writeKey })).body.data.webhooks[0];
    expect(disabled.enabled).toBe(false);
    expect(disabled.disabledReason).toMatch(/failed 4 times, last with HTTP 500/);
    const [failed] = await deliveries(team, webhook.id);
    expect(failed).toMatchObject({
      status: "failed",
      attempts: 4,
      lastStatusCode: 500,
      lastError: "HTTP 500",
      lastResponse: "broken",
      nextAttemptAt: null,
    });
    expect(hooks.requests).toHaveLength(4);

    // Disabled: a new change queues nothing for it.
    await addEntry(team);
    expect(await deliveries(team, webhook.id)).toHaveLength(1);

    hooks.respondWith((_, response) => response.end("ok"));
    const enabled = await api(`/api/v1/webhooks/${webhook.id}`, { method: "PATCH", key: team.writeKey, body: { enabled: true } });
    expect(enabled.body.data).toMatchObject({ enabled: true, disabledReason: null });
    const resent = await api(`/api/v1/webhooks/${webhook.id}/deliveries/${failed.id}/resend`, { method: "POST", key: team.writeKey });
    expect(resent.status).toBe(200);
    await waitFor("the resent delivery", () => hooks.received.length > 0);
    expect(hooks.received[0]!.id).toBe(failed.eventId);

    // The log keeps every attempt: the four failures before the resend, and the one after it.
    await waitFor("the delivery recorded", () => db.webhookDelivery.findFirst({ where: { id: failed.id, status: "delivered" } }));
    const [delivered] = await deliveries(team, webhook.id);
    expect(delivered.attempts).toBe(1);
    expect(delivered.history.map((attempt: { statusCode: number | null }) => attempt.statusCode)).toEqual([200, 500, 500, 500, 500]);
    expect(delivered.history[1]).toMatchObject({ error: "HTTP 500", latencyMs: expect.any(Number) });
    const times = delivered.history.map((attempt: { at: string }) => Date.parse(attempt.at));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("does not follow redirects: a 3xx is a failed attempt and the target is never called", async () => {
    const team = await createTestTeam();
    const hooks = await receiver();
    const target = await receiver();
    const webhook = await register(team, hooks);
    hooks.respondWith((_, response) => {
      response.statusCode = 307;
      response.setHeader("location", target.url("/elsewhere"));
      response.end();
    });
    await addEntry(team);
    const db = await testDb();
    await waitFor("a failed attempt", () => db.webhookDelivery.findFirst({ where: { endpointId: webhook.id, attempts: { gte: 1 } } }));
    const [attempted] = await deliveries(team, webhook.id);
    expect(attempted).toMatchObject({ lastStatusCode: 307 });
    expect(attempted.lastError).toMatch(/redirect/);
    expect(target.requests).toHaveLength(0);
  });
});

async function startWebhookReceiverOn(port: number) {
  // Another receiver on the port the endpoint names: the OS may take a moment to release it.
  const { createServer } = await import("node:http");
  const { Webhook } = await import("standardwebhooks");
  const received: { id: string; data: any }[] = [];
  let secret = "";
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const payload = new Webhook(secret).verify(body, request.headers as Record<string, string>) as { data: unknown };
      received.push({ id: request.headers["webhook-id"] as string, data: payload.data });
      response.end("ok");
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", resolve);
  });
  receivers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) } as WebhookReceiver);
  return { received, setSecret: (value: string) => (secret = value) };
}

describe("webhook API", () => {
  it("answers bad input with a clear 400", async () => {
    const team = await createTestTeam();
    const cases: [unknown, string][] = [
      [{ url: "ftp://example.com/hook", events: ["dnc.added"] }, "invalid_webhook_url"],
      [{ url: "not a url", events: ["dnc.added"] }, "invalid_webhook_url"],
      [{ url: 42, events: ["dnc.added"] }, "invalid_webhook_url"],
      [{ url: "https://example.com/hook", events: [] }, "invalid_webhook_fields"],
      [{ url: "https://example.com/hook", events: ["dnc.exploded"] }, "invalid_webhook_fields"],
      [{ url: "https://example.com/hook" }, "invalid_webhook_fields"],
      [[], "invalid_body"],
      // Never a unicast host, so refused even with DNC_WEBHOOK_ALLOW_PRIVATE (these servers have it).
      ...["http://0.0.0.0/", "http://[::]/", "http://255.255.255.255/", "http://224.0.0.1/", "http://[ff02::1]/", "http://240.0.0.1/"].map(
        (url): [unknown, string] => [{ url, events: ["dnc.added"] }, "invalid_webhook_url"],
      ),
      [{ url: "http://198.18.0.1/", events: ["dnc.added"] }, "invalid_webhook_url"],
      [{ url: "http://[::ffff:0:e000:1]/", events: ["dnc.added"] }, "invalid_webhook_url"],
    ];
    for (const [body, error] of cases) {
      const response = await api("/api/v1/webhooks", { method: "POST", key: team.writeKey, body });
      expect([response.status, response.body.error], JSON.stringify(body)).toEqual([400, error]);
    }
    const hooks = await receiver();
    const webhook = await register(team, hooks);
    const patch = (body: unknown) => api(`/api/v1/webhooks/${webhook.id}`, { method: "PATCH", key: team.writeKey, body });
    expect((await patch({})).body.error).toBe("invalid_webhook_fields");
    expect((await patch({ enabled: "yes" })).body.error).toBe("invalid_webhook_fields");
    expect((await patch({ url: "gopher://x" })).body.error).toBe("invalid_webhook_url");
    const changed = await patch({ events: ["dnc.deleted", "dnc.restored"], enabled: false });
    expect(changed.body.data).toMatchObject({ events: ["dnc.deleted", "dnc.restored"], enabled: false });
    expect((await api("/api/v1/webhooks/nope", { method: "PATCH", key: team.writeKey, body: { enabled: true } })).body.error).toBe(
      "webhook_not_found",
    );
    expect((await api(`/api/v1/webhooks/${webhook.id}/deliveries/nope/resend`, { method: "POST", key: team.writeKey })).body.error).toBe(
      "delivery_not_found",
    );
  });

  it("lets write keys and owners or admins manage webhooks; read keys and viewers get 403; the secret is never listed", async () => {
    const team = await createTestTeam();
    const hooks = await receiver();
    await register(team, hooks);
    expect((await api("/api/v1/webhooks", { key: team.readKey })).status).toBe(403);
    const viewer = await signedInMember(team, "viewer");
    const admin = await signedInMember(team, "admin");
    const as = (member: { jar: { header(): string } }) => ({
      cookie: member.jar.header(),
      "x-dnc-team": team.slug,
      origin: inject("baseUrl"),
    });
    expect((await api("/api/v1/webhooks", { headers: as(viewer) })).status).toBe(403);
    const listed = await api("/api/v1/webhooks", { headers: as(admin) });
    expect(listed.status).toBe(200);
    expect(listed.body.data.webhooks).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain("whsec_");
    const created = await api("/api/v1/webhooks", {
      method: "POST",
      headers: as(admin),
      body: { url: hooks.url(), events: ["dnc.added"] },
    });
    expect(created.status).toBe(201);
  });

  it("keeps teams apart: another team's webhook ids are 404 everywhere, and its changes are never sent", async () => {
    const mine = await createTestTeam();
    const theirs = await createTestTeam();
    const myHooks = await receiver();
    const theirHooks = await receiver();
    const myWebhook = await register(mine, myHooks);
    const theirWebhook = await register(theirs, theirHooks);
    await addEntry(theirs);
    await waitFor("their delivery", () => theirHooks.received.length > 0);
    const [theirDelivery] = await deliveries(theirs, theirWebhook.id);

    const asMe = { key: mine.writeKey };
    expect((await api(`/api/v1/webhooks/${theirWebhook.id}`, { ...asMe, method: "PATCH", body: { enabled: false } })).status).toBe(404);
    expect((await api(`/api/v1/webhooks/${theirWebhook.id}`, { ...asMe, method: "DELETE" })).status).toBe(404);
    expect((await api(`/api/v1/webhooks/${theirWebhook.id}/deliveries`, asMe)).status).toBe(404);
    const resend = await api(`/api/v1/webhooks/${theirWebhook.id}/deliveries/${theirDelivery.id}/resend`, { ...asMe, method: "POST" });
    expect(resend.status).toBe(404);
    const crossed = await api(`/api/v1/webhooks/${myWebhook.id}/deliveries/${theirDelivery.id}/resend`, { ...asMe, method: "POST" });
    expect(crossed.status).toBe(404);
    expect((await api("/api/v1/webhooks", asMe)).body.data.webhooks.map((w: { id: string }) => w.id)).toEqual([myWebhook.id]);
    expect(myHooks.requests).toHaveLength(0);

    expect((await api(`/api/v1/webhooks/${myWebhook.id}`, { ...asMe, method: "DELETE" })).status).toBe(200);
    expect((await api("/api/v1/webhooks", asMe)).body.data.webhooks).toEqual([]);
  });
});

/** This machine's interface addresses (the server runs here), except link-local ones a URL cannot name without a zone. */
const ownAddresses = () =>
  Object.values(networkInterfaces()).flatMap((list) =>
    (list ?? []).filter((entry) => entry.scopeid === undefined || entry.scopeid === 0).map((entry) => entry.address),
  );

describe("webhooks without DNC_WEBHOOK_ALLOW_PRIVATE", () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let key: string;
  let db: Awaited<ReturnType<typeof openDatabase>>;

  // A database of its own: this server's worker must not see the other tests' deliveries to 127.0.0.1.
  beforeAll(async () => {
    const workDir = inject("workDir");
    const database = await createTestDatabase(inject("engine"), workDir);
    server = await startServer({
      databaseUrl: database.url,
      logFile: path.join(workDir, "ssrf.log"),
      env: { DNC_WEBHOOK_ALLOW_PRIVATE: "", REDIS_URL: inject("redisUrl") },
    });
    db = await openDatabase(database.url);
    const { generateApiKey } = await import("@/lib/api-keys/api-key-format");
    const generated = generateApiKey();
    await db.team.create({ data: { id: "team_ssrf", name: "SSRF", slug: "ssrf" } });
    await db.apiKey.create({
      data: { id: "key_ssrf", teamId: "team_ssrf", name: "s", scope: "write", prefix: generated.prefix, hash: generated.hash },
    });
    key = generated.key;
  });
  afterAll(async () => server?.stop());

  it("refuses loopback, private, link-local, metadata, non-unicast and its own addresses at registration, by IP or by name", async () => {
    const port = await freePort();
    for (const url of [
      `http://127.0.0.1:${port}/hook`,
      `http://localhost:${port}/hook`,
      "http://[::1]/hook",
      "http://10.1.2.3/hook",
      "http://192.168.0.10/hook",
      "http://172.20.0.1/hook",
      "http://100.64.0.1/hook",
      "http://169.254.169.254/latest/meta-data",
      "http://[fd00:ec2::254]/",
      "http://[fe80::1]/",
      "http://0.0.0.0/",
      "http://[::ffff:127.0.0.1]/",
      // IPv6 forms that carry an IPv4 address inside
      `http://[::127.0.0.1]:${port}/`,
      `http://[::ffff:0:7f00:1]:${port}/`,
      "http://[64:ff9b::7f00:1]/",
      "http://[64:ff9b::a9fe:a9fe]/latest/meta-data",
      "http://[2002:7f00:1::]/",
      "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/",
      // Not unicast
      "http://198.18.0.1/",
      "http://224.0.0.1/",
      "http://240.0.0.1/",
      "http://255.255.255.255/",
      // This server's own interfaces
      ...ownAddresses().map((address) => `http://${address.includes(":") ? `[${address}]` : address}:${port}/`),
    ]) {
      const response = await api("/api/v1/webhooks", {
        method: "POST",
        key,
        body: { url, events: ["dnc.added"] },
        baseUrl: server.baseUrl,
      });
      expect([response.status, response.body.error], url).toEqual([400, "invalid_webhook_url"]);
    }
  });

  it("refuses a private address again at delivery time, so a URL that came to point inside is never called", async () => {
    const hooks = await receiver();
    await db.webhookEndpoint.create({
      data: {
        id: "whk_rebound",
        teamId: "team_ssrf",
        url: hooks.url(),
        events: ",dnc.added,",
        secret: "whsec_" + "A".repeat(32),
        createdBy: "test",
      },
    });
    const added = await api("/api/v1/dnc", { method: "POST", key, body: { url: uniqueProfileUrl() }, baseUrl: server.baseUrl });
    expect(added.status).toBe(201);
    const delivery = await waitFor("a refused attempt", async () => {
      const row = await db.webhookDelivery.findFirst({ where: { endpointId: "whk_rebound" } });
      return row && row.attempts >= 1 && row;
    });
    expect(delivery.lastError).toMatch(/private, loopback or link-local/);
    expect(delivery.lastStatusCode).toBeNull();
    expect(hooks.requests).toHaveLength(0);
  });
});
