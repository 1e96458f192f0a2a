import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, uniqueProfileUrl } from "../support/fixtures";

const windowMs = inject("rateWindowMs");
const windowSeconds = Math.ceil(windowMs / 1000);

const addOne = (key: string) => api("/api/v1/dnc", { method: "POST", key, body: { url: uniqueProfileUrl("rl") } });

async function sleepUntil(epochMs: number) {
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now()) + 20));
}

describe("rate limits (rolling window, per team)", () => {
  it("60 parallel writes → exactly 30 allowed; the rest 429 with resetTime inside the window; then writes resume", async () => {
    const team = await createTestTeam();
    const startedAt = Date.now();
    const responses = await Promise.all(Array.from({ length: 60 }, () => addOne(team.writeKey)));
    const finishedAt = Date.now();

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    const stored = await api("/api/v1/dnc?limit=1", { key: team.readKey });
    expect(stored.body.data.total).toBe(30);

    const refusals = responses.filter((r) => r.status === 429);
    for (const refused of refusals) {
      expect(Object.keys(refused.body).sort()).toEqual(["error", "message", "resetTime"]);
      expect(refused.body).toMatchObject({ error: "rate_limit_exceeded", message: "Too many requests. Please try again later." });
      expect(refused.body.resetTime).toBeGreaterThan(startedAt);
      expect(refused.body.resetTime).toBeLessThanOrEqual(finishedAt + windowMs);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    }

    // Not one millisecond early: just before the reset the window is still full.
    const resetTime = Math.max(...refusals.map((r) => r.body.resetTime));
    const earliest = Math.min(...refusals.map((r) => r.body.resetTime));
    if (earliest - Date.now() > 300) expect((await addOne(team.writeKey)).status).toBe(429);
    await sleepUntil(resetTime);
    expect((await addOne(team.writeKey)).status).toBe(201);
  });

  it("POST /dnc and DELETE /dnc/{id} share one write budget", async () => {
    const team = await createTestTeam();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push((await addOne(team.writeKey)).body.data.$id);
    for (const id of ids.slice(0, 10)) expect((await api(`/api/v1/dnc/${id}`, { method: "DELETE", key: team.writeKey })).status).toBe(200);
    const refusedDelete = await api(`/api/v1/dnc/${ids[10]}`, { method: "DELETE", key: team.writeKey });
    expect(refusedDelete.status).toBe(429);
    expect(Object.keys(refusedDelete.body).sort()).toEqual(["error", "message", "resetTime"]);
    expect((await addOne(team.writeKey)).status).toBe(429);
    // Refused deletes removed nothing.
    expect((await api("/api/v1/dnc?limit=1", { key: team.readKey })).body.data.total).toBe(10);
  });

  it("batch has its own budget of 10", async () => {
    const team = await createTestTeam();
    const batch = (i: number) =>
      api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body: { entries: [{ url: `in/batch-limit-${i}` }] } });
    const statuses = (await Promise.all(Array.from({ length: 12 }, (_, i) => batch(i)))).map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(10).fill(201), 429, 429]);
    expect((await addOne(team.writeKey)).status).toBe(201);
  });

  it("reads (list and check) share a budget of 60", async () => {
    const team = await createTestTeam();
    const reads = Array.from({ length: 64 }, (_, i) =>
      i % 2 === 0 ? api("/api/v1/dnc", { key: team.readKey }) : api("/api/v1/dnc/check?url=in/x", { key: team.readKey }),
    );
    const statuses = (await Promise.all(reads)).map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(60);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    expect((await addOne(team.writeKey)).status).toBe(201);
  });

  it("one team's exhausted budget does not touch another's", async () => {
    const [a, b] = await Promise.all([createTestTeam(), createTestTeam()]);
    await Promise.all(Array.from({ length: 31 }, () => addOne(a.writeKey)));
    expect((await addOne(a.writeKey)).status).toBe(429);
    expect((await addOne(b.writeKey)).status).toBe(201);
  });

  it("says where the caller stands on every limited response, in both header forms", async () => {
    const team = await createTestTeam();
    const first = await addOne(team.writeKey);
    expect(first.headers.get("ratelimit-policy")).toBe(`"write";q=30;w=${windowSeconds}`);
    expect(first.headers.get("ratelimit")).toMatch(new RegExp(`^"write";r=29;t=[1-${windowSeconds}]$`));
    expect(first.headers.get("ratelimit-limit")).toBe("30");
    expect(first.headers.get("ratelimit-remaining")).toBe("29");
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThanOrEqual(1);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeLessThanOrEqual(windowSeconds);
    expect(first.headers.get("retry-after")).toBeNull();

    const notFound = await api("/api/v1/dnc/dnc_missing", { method: "DELETE", key: team.writeKey });
    expect(notFound.status).toBe(404);
    expect(notFound.headers.get("ratelimit-remaining")).toBe("28");

    const invalid = await api("/api/v1/dnc/check", { key: team.readKey });
    expect(invalid.status).toBe(400);
    expect(invalid.headers.get("ratelimit-policy")).toBe(`"read";q=60;w=${windowSeconds}`);
    expect(invalid.headers.get("ratelimit-remaining")).toBe("59");

    const batch = await api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body: { entries: [{ url: "in/h" }] } });
    expect(batch.headers.get("ratelimit")).toMatch(/^"batch";r=9;t=\d+$/);
  });
});
