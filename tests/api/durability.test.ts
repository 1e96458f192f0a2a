import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestDatabase, openDatabase } from "../support/databases";
import { createTestTeam, testDb } from "../support/fixtures";
import { startServer } from "../support/server";

describe("durability and atomicity of deletes", () => {
  it("ten concurrent DELETEs of one id → exactly one 200 and one audit row, the rest 404", async () => {
    const team = await createTestTeam();
    const entry = (await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: "in/contended" } })).body.data;
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey })),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([200, ...Array(9).fill(404)]);
    expect(responses.filter((r) => r.status === 404).every((r) => r.body.error === "dnc_not_found")).toBe(true);
    const db = await testDb();
    expect(await db.auditEvent.count({ where: { targetId: entry.$id, action: "dnc.deleted" } })).toBe(1);
  });

  it("overlapping batches beside single adds and deletes: no errors, every URL stored once with one audit row", async () => {
    const team = await createTestTeam();
    const singles = (
      await api("/api/v1/dnc/batch", {
        method: "POST",
        key: team.writeKey,
        body: { entries: Array.from({ length: 10 }, (_, i) => ({ url: `in/single-${i}` })) },
      })
    ).body.data.details;
    const batches = Array.from({ length: 4 }, (_, b) => ({
      entries: Array.from({ length: 300 }, (_, i) => ({ url: `in/overlap-${b * 100 + i}` })),
    }));
    const responses = await Promise.all([
      ...batches.map((body) => api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body })),
      ...singles.map((detail: { $id: string }) => api(`/api/v1/dnc/${detail.$id}`, { method: "DELETE", key: team.writeKey })),
      ...Array.from({ length: 10 }, (_, i) =>
        api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: `in/overlap-${i * 50}` } }),
      ),
    ]);
    expect(responses.map((r) => r.status).filter((status) => ![200, 201, 409].includes(status))).toEqual([]);
    const db = await testDb();
    const urls = new Set(batches.flatMap((body) => body.entries.map((entry) => `https://linkedin.com/in/${entry.url.slice(3)}`)));
    expect(await db.dncEntry.count({ where: { teamId: team.id } })).toBe(urls.size);
    const added = await db.auditEvent.count({
      where: { teamId: team.id, action: { in: ["dnc.added", "dnc.batch_added"] }, url: { in: [...urls] } },
    });
    expect(added).toBe(urls.size);
    expect(await db.auditEvent.count({ where: { teamId: team.id, action: "dnc.deleted" } })).toBe(10);
  });

  it("SIGKILL mid-stream: every acknowledged delete is gone with its audit row; nothing half-deleted", async () => {
    const workDir = inject("workDir");
    const database = await createTestDatabase(inject("engine"), workDir);
    const logFile = path.join(workDir, "durability.log");
    const env = {
      DNC_RATE_WRITE_LIMIT: "100000",
      DNC_RATE_BATCH_LIMIT: "100000",
      DNC_RATE_READ_LIMIT: "100000",
      ...(inject("redisUrl") ? { REDIS_URL: inject("redisUrl") } : {}),
    };
    const first = await startServer({ databaseUrl: database.url, logFile, env });
    // This server has a database of its own, so its team and key are written with a client of their own.
    const db = await openDatabase(database.url);
    const { generateApiKey } = await import("@/lib/api-keys/api-key-format");
    const key = generateApiKey();
    await db.team.create({ data: { id: "team_durability", name: "Durability", slug: "durability" } });
    await db.apiKey.create({
      data: { id: "key_durability", teamId: "team_durability", name: "d", scope: "write", prefix: key.prefix, hash: key.hash },
    });

    try {
      const urls = Array.from({ length: 400 }, (_, i) => ({ url: `in/durable-${i}` }));
      const added = await api("/api/v1/dnc/batch", { method: "POST", key: key.key, body: { entries: urls }, baseUrl: first.baseUrl });
      expect(added.body.data.added).toBe(400);
      const ids: string[] = added.body.data.details.map((d: { $id: string }) => d.$id);

      const acknowledged: string[] = [];
      let killed = false;
      const worker = async (queue: string[]) => {
        for (const id of queue) {
          if (killed) return;
          try {
            const response = await api(`/api/v1/dnc/${id}`, {
              method: "DELETE",
              key: key.key,
              body: { reason: "durability" },
              baseUrl: first.baseUrl,
            });
            if (response.status === 200) acknowledged.push(id);
          } catch {
            return; // the server died under this request: not acknowledged
          }
          if (acknowledged.length >= 120 && !killed) {
            killed = true;
            first.child.kill("SIGKILL");
          }
        }
      };
      await Promise.all([0, 1, 2, 3].map((lane) => worker(ids.filter((_, i) => i % 4 === lane))));
      expect(killed).toBe(true);
      if (first.child.exitCode === null && first.child.signalCode === null) {
        await new Promise((resolve) => first.child.once("exit", resolve));
      }

      const second = await startServer({ databaseUrl: database.url, logFile, env });
      try {
        if (database.url.startsWith("file:")) {
          const fresh = new Database(database.url.slice("file:".length), { readonly: true });
          expect(fresh.pragma("journal_mode", { simple: true })).toBe("wal");
          fresh.close();
        }
        const remaining = new Set(
          (await db.dncEntry.findMany({ where: { teamId: "team_durability" }, select: { id: true } })).map((r) => r.id),
        );
        const audited = new Set(
          (await db.auditEvent.findMany({ where: { teamId: "team_durability", action: "dnc.deleted" }, select: { targetId: true } })).map(
            (r) => r.targetId,
          ),
        );

        expect(acknowledged.length).toBeGreaterThanOrEqual(120);
        for (const id of acknowledged) {
          expect(remaining.has(id), `acknowledged ${id} still listed`).toBe(false);
          expect(audited.has(id), `acknowledged ${id} has no audit row`).toBe(true);
        }
        // Every entry is either fully present (no deletion record) or fully deleted (with one).
        for (const id of ids) expect(remaining.has(id)).toBe(!audited.has(id));

        const health = await api("/api/health", { baseUrl: second.baseUrl });
        expect(health.body.database.ok).toBe(true);
        if (database.url.startsWith("file:")) expect(health.body.database).toMatchObject({ journalMode: "wal", synchronous: "full" });
        const list = await api("/api/v1/dnc?limit=1", { key: key.key, baseUrl: second.baseUrl });
        expect(list.body.data.total).toBe(remaining.size);
      } finally {
        await second.stop();
      }
    } finally {
      await first.stop();
      await db.$disconnect();
      await database.drop();
    }
  });
});
