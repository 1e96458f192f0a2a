import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, type TestTeam, uniqueProfileUrl } from "../support/fixtures";
import { startTestRedis, type TestRedis } from "../support/redis";
import { type RunningServer, startServer } from "../support/server";

let redis: TestRedis;
let server: RunningServer;
let team: TestTeam;

beforeAll(async () => {
  redis = await startTestRedis();
  server = await startServer({
    databaseUrl: inject("databaseUrl"),
    logFile: path.join(inject("workDir"), "redis-failure.log"),
    env: { REDIS_URL: redis.url, DNC_RATE_WINDOW_MS: String(inject("rateWindowMs")) },
  });
  team = await createTestTeam();
});

afterAll(async () => {
  await server?.stop();
  await redis?.stop();
});

const add = (url: string) => api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url }, baseUrl: server.baseUrl });
const check = (url: string) => api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey, baseUrl: server.baseUrl });

describe("Redis unreachable, then back", () => {
  it("fails writes closed with 503, answers checks from the database, and recovers by itself", async () => {
    const listed = (await add(uniqueProfileUrl("before"))).body.data;
    const toDelete = (await add(uniqueProfileUrl("delete-me"))).body.data;
    expect((await check(listed.url)).body.data.onList).toBe(true);

    await redis.stop();

    const refusedAdd = await add(uniqueProfileUrl("during"));
    expect(refusedAdd.status).toBe(503);
    expect(refusedAdd.body.error).toBe("service_unavailable");
    const refusedDelete = await api(`/api/v1/dnc/${toDelete.$id}`, { method: "DELETE", key: team.writeKey, baseUrl: server.baseUrl });
    expect(refusedDelete.status).toBe(503);
    const refusedBatch = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: { entries: [{ url: "in/x" }] },
      baseUrl: server.baseUrl,
    });
    expect(refusedBatch.status).toBe(503);

    // Checks still answer, from the database, and correctly.
    expect((await check(listed.url)).body.data).toEqual({ onList: true, entry: listed });
    expect((await check(toDelete.url)).body.data.onList).toBe(true);
    expect((await check(uniqueProfileUrl("never"))).body.data).toEqual({ onList: false });
    const health = await api("/api/health", { baseUrl: server.baseUrl });
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, status: "degraded", redis: { configured: true, ok: false } });

    // Nothing was written while Redis was away.
    expect((await api("/api/v1/dnc", { key: team.readKey, baseUrl: server.baseUrl })).body.data.total).toBe(2);

    await redis.start();
    await expect.poll(async () => (await add(uniqueProfileUrl("after"))).status, { timeout: 15_000, interval: 250 }).toBe(201);
    expect((await api(`/api/v1/dnc/${toDelete.$id}`, { method: "DELETE", key: team.writeKey, baseUrl: server.baseUrl })).status).toBe(200);
    expect((await check(toDelete.url)).body.data).toEqual({ onList: false });
    expect((await api("/api/health", { baseUrl: server.baseUrl })).body.status).toBe("ok");
  });
});
