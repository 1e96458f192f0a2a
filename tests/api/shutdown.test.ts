import { Agent, request as httpRequest } from "node:http";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestDatabase, openDatabase } from "../support/databases";
import { uniqueProfileUrl } from "../support/fixtures";
import { type RunningServer, startServer } from "../support/server";
import { startWebhookReceiver, waitFor } from "../support/webhook-receiver";

/** What the issue allows between SIGTERM and the exit: the 10 s grace period and a little for closing. */
const EXIT_WITHIN_MS = 12_000;
const CONNECTIONS = 20;

type Outcome = { op: string; sentAt: number | null; doneAt?: number; status?: number; body?: any; error?: string };
type Exit = { code: number | null; signal: NodeJS.Signals | null; at: number };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A server of the test's own on a database of its own, with a team and a write key, and its exit observed. */
async function startOwnServer(name: string) {
  const workDir = inject("workDir");
  const database = await createTestDatabase(inject("engine"), workDir);
  const db = await openDatabase(database.url);
  cleanups.push(
    () => database.drop(),
    () => db.$disconnect(),
  );
  const { generateApiKey } = await import("@/lib/api-keys/api-key-format");
  const key = generateApiKey();
  const teamId = `team_${name}`;
  await db.team.create({ data: { id: teamId, name, slug: name } });
  await db.apiKey.create({ data: { id: `key_${name}`, teamId, name, scope: "write", prefix: key.prefix, hash: key.hash } });
  const env = {
    DNC_RATE_WRITE_LIMIT: "100000",
    DNC_RATE_BATCH_LIMIT: "100000",
    DNC_RATE_READ_LIMIT: "100000",
    // Twenty connections beside the other suites can hold a Redis answer past the 500 ms default,
    // which refuses the write with a 503 by design; that is Redis's test (scale-out), not this one's.
    ...(inject("redisUrl") ? { REDIS_URL: inject("redisUrl"), DNC_REDIS_COMMAND_TIMEOUT_MS: "5000" } : {}),
  };
  const logFile = path.join(workDir, `${name}.log`);
  const start = async () => {
    const server = await startServer({ databaseUrl: database.url, logFile, env });
    cleanups.push(() => server.stop());
    const exited = new Promise<Exit>((resolve) =>
      server.child.once("exit", (code, signal) => resolve({ code, signal, at: performance.now() })),
    );
    return { ...server, exited };
  };
  return { database, db, teamId, key: key.key, start };
}

/**
 * One request on the lane's own keep-alive connection. `sentAt` is when the whole request was handed
 * to the kernel (null: never), so each request can be placed before or after the signal.
 */
function send(agent: Agent, server: RunningServer, key: string, op: string, method: string, pathAndQuery: string, body?: unknown) {
  return new Promise<Outcome>((done) => {
    const outcome: Outcome = { op, sentAt: null };
    const resolve = (result: Outcome) => done({ ...result, doneAt: performance.now() });
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const request = httpRequest(
      `${server.baseUrl}${pathAndQuery}`,
      {
        agent,
        method,
        headers: {
          authorization: `Bearer ${key}`,
          ...(payload ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) } : {}),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", (error: NodeJS.ErrnoException) => resolve({ ...outcome, error: error.code ?? error.message }));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          resolve({ ...outcome, status: response.statusCode, body: text.startsWith("{") ? JSON.parse(text) : text });
        });
      },
    );
    request.on("finish", () => (outcome.sentAt = performance.now()));
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ ...outcome, error: error.code ?? error.message }));
    request.end(payload);
  });
}

/** The ids an acknowledged write stored: one from an add, each of a batch's. */
function acknowledgedIds(outcome: Outcome): string[] {
  if (outcome.op === "add" && outcome.status === 201) return [outcome.body.data.$id];
  if (outcome.op === "batch" && (outcome.status === 200 || outcome.status === 201)) {
    return outcome.body.data.details.map((detail: { $id: string }) => detail.$id);
  }
  return [];
}

describe("clean shutdown", () => {
  it(
    "SIGTERM under 20 connections of reads and writes: what was sent before it is answered, exit 0, every acknowledged write kept",
    { timeout: 120_000 },
    async () => {
      const own = await startOwnServer("shutdown_load");
      const first = await own.start();
      const seeded = await api("/api/v1/dnc", { method: "POST", key: own.key, body: { url: "in/shutdown-seed" }, baseUrl: first.baseUrl });
      expect(seeded.status).toBe(201);

      const outcomes: Outcome[] = [];
      let signalAt: number | null = null;
      const lane = async (index: number) => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          for (let i = 0; ; i++) {
            const kind = (index + i) % 5;
            const outcome =
              kind === 0 || kind === 1
                ? await send(agent, first, own.key, "add", "POST", "/api/v1/dnc", { url: uniqueProfileUrl("shutdown") })
                : kind === 2
                  ? await send(agent, first, own.key, "check", "GET", `/api/v1/dnc/check?url=${encodeURIComponent("in/shutdown-seed")}`)
                  : kind === 3
                    ? await send(agent, first, own.key, "list", "GET", "/api/v1/dnc?limit=50")
                    : await send(agent, first, own.key, "batch", "POST", "/api/v1/dnc/batch", {
                        entries: Array.from({ length: 50 }, () => ({ url: uniqueProfileUrl("shutdown-batch") })),
                      });
            outcomes.push(outcome);
            // The signal comes in the middle of the load, with every lane busy.
            if (signalAt === null && outcomes.length === 300) {
              signalAt = performance.now();
              first.child.kill("SIGTERM");
            }
            // A refused connection: the server no longer accepts, this lane is done.
            if (outcome.error) return;
          }
        } finally {
          agent.destroy();
        }
      };
      await Promise.all(Array.from({ length: CONNECTIONS }, (_, index) => lane(index)));
      const exit = await first.exited;

      expect(signalAt).not.toBeNull();
      expect(exit).toEqual({ code: 0, signal: null, at: expect.any(Number) });
      expect(exit.at - signalAt!).toBeLessThan(EXIT_WITHIN_MS);
      // Times relative to the signal, so a failure shows which side of it a request was on.
      const timed = (list: Outcome[]) =>
        list.map(({ body, ...outcome }) => ({
          ...outcome,
          body,
          sentAt: outcome.sentAt! - signalAt!,
          doneAt: outcome.doneAt! - signalAt!,
        }));
      // No answer is a 5xx, before the signal or after it.
      expect(timed(outcomes.filter((outcome) => outcome.status !== undefined && outcome.status >= 500))).toEqual([]);
      const sentBefore = outcomes.filter((outcome) => outcome.sentAt !== null && outcome.sentAt < signalAt!);
      // Every request sent before the signal was answered in full: no reset, no refusal.
      expect(timed(sentBefore.filter((outcome) => outcome.error))).toEqual([]);
      // Most lanes had one running when the signal came: the shutdown waited for them.
      expect(sentBefore.filter((outcome) => outcome.doneAt! > signalAt!).length).toBeGreaterThan(CONNECTIONS / 2);
      // A request sent after the signal was answered, or its connection refused or closed.
      const sentAfter = outcomes.filter((outcome) => !sentBefore.includes(outcome));
      for (const outcome of sentAfter) {
        if (outcome.error) expect(["ECONNREFUSED", "ECONNRESET", "EPIPE"]).toContain(outcome.error);
      }

      const acknowledged = outcomes.flatMap(acknowledgedIds);
      expect(acknowledged.length).toBeGreaterThan(100);
      const second = await own.start();
      const stored = new Set(
        (await own.db.dncEntry.findMany({ where: { teamId: own.teamId }, select: { id: true } })).map((entry) => entry.id),
      );
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      const list = await api("/api/v1/dnc?limit=1", { key: own.key, baseUrl: second.baseUrl });
      expect(list.body.data.total).toBe(stored.size);
    },
  );

  it(
    "SIGTERM while webhooks are in flight: those finish, the next process sends the rest, each event once",
    { timeout: 120_000 },
    async () => {
      const own = await startOwnServer("shutdown_hooks");
      const hooks = await startWebhookReceiver();
      cleanups.push(() => hooks.close());
      // A slow receiver: each delivery is answered 2 s after it arrives.
      hooks.respondWith((_, response) => setTimeout(() => response.end("ok"), 2_000));
      const first = await own.start();
      const webhook = await api("/api/v1/webhooks", {
        method: "POST",
        key: own.key,
        body: { url: hooks.url(), events: ["dnc.added"] },
        baseUrl: first.baseUrl,
      });
      expect(webhook.status).toBe(201);
      hooks.setSecret(webhook.body.data.secret);

      const adds = await Promise.all(
        Array.from({ length: 30 }, () =>
          api("/api/v1/dnc", { method: "POST", key: own.key, body: { url: uniqueProfileUrl("hooked") }, baseUrl: first.baseUrl }),
        ),
      );
      expect(adds.map((add) => add.status)).toEqual(Array(30).fill(201));
      await waitFor("a delivery in flight", () => hooks.requests.length > 0);
      const inFlight = hooks.requests.length;
      first.child.kill("SIGTERM");
      const exit = await first.exited;
      expect(exit.code).toBe(0);

      // The deliveries in flight at the signal were answered, and recorded by the process that sent them.
      const deliveries = () => own.db.webhookDelivery.findMany({ where: { endpointId: webhook.body.data.id } });
      const afterFirst = await deliveries();
      expect(afterFirst).toHaveLength(30);
      const deliveredByFirst = afterFirst.filter((delivery) => delivery.status === "delivered");
      expect(deliveredByFirst.length).toBeGreaterThanOrEqual(inFlight);
      expect(hooks.received).toHaveLength(deliveredByFirst.length);
      // Nothing is left claimed: what is pending is free for the next process at once.
      const pending = afterFirst.filter((delivery) => delivery.status === "pending");
      expect(pending.length).toBe(30 - deliveredByFirst.length);
      expect(pending.length).toBeGreaterThan(0);
      expect(pending.filter((delivery) => delivery.claimToken !== null)).toEqual([]);

      await own.start();
      await waitFor("every event delivered after the restart", () => hooks.received.length === 30, 40_000);
      const ids = hooks.requests.map((request) => request.headers["webhook-id"]);
      expect(new Set(ids).size).toBe(30);
      expect(ids).toHaveLength(30);
      const done = await waitFor("every delivery recorded", async () => {
        const rows = await deliveries();
        return rows.every((delivery) => delivery.status === "delivered") && rows;
      });
      expect(done.map((delivery) => delivery.attempts)).toEqual(Array(30).fill(1));
    },
  );
});
