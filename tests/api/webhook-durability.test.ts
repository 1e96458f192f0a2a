import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestDatabase, openDatabase } from "../support/databases";
import { createTestTeam, refuseAuditRows, testDb, uniqueProfileUrl } from "../support/fixtures";
import { startServer } from "../support/server";
import { startWebhookReceiver, waitFor } from "../support/webhook-receiver";

describe("webhook outbox durability", () => {
  it("a change that fails to commit leaves no delivery behind", async () => {
    const team = await createTestTeam();
    const hooks = await startWebhookReceiver();
    try {
      const webhook = await api("/api/v1/webhooks", {
        method: "POST",
        key: team.writeKey,
        body: { url: hooks.url(), events: ["dnc.added"] },
      });
      const allowAuditRows = await refuseAuditRows(team.id);
      try {
        expect((await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl() } })).status).toBe(500);
      } finally {
        await allowAuditRows();
      }
      const db = await testDb();
      expect(await db.webhookDelivery.count({ where: { endpointId: webhook.body.data.id } })).toBe(0);
      expect(await db.dncEntry.count({ where: { teamId: team.id } })).toBe(0);
    } finally {
      await hooks.close();
    }
  });

  it("SIGKILL while a delivery is in flight: it is sent again after the restart, once", { timeout: 120_000 }, async () => {
    const workDir = inject("workDir");
    const database = await createTestDatabase(inject("engine"), workDir);
    const logFile = path.join(workDir, "webhook-durability.log");
    const env = { REDIS_URL: inject("redisUrl") };
    const db = await openDatabase(database.url);
    const { generateApiKey } = await import("@/lib/api-keys/api-key-format");
    const key = generateApiKey();
    await db.team.create({ data: { id: "team_hooks", name: "Hooks", slug: "hooks" } });
    await db.apiKey.create({
      data: { id: "key_hooks", teamId: "team_hooks", name: "h", scope: "write", prefix: key.prefix, hash: key.hash },
    });

    const hooks = await startWebhookReceiver();
    // The first request is held unanswered: the server dies while the delivery is in flight.
    hooks.respondWith((_, response, index) => {
      if (index > 0) response.end("ok");
    });
    const first = await startServer({ databaseUrl: database.url, logFile, env });
    let second: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      const webhook = await api("/api/v1/webhooks", {
        method: "POST",
        key: key.key,
        body: { url: hooks.url(), events: ["dnc.added"] },
        baseUrl: first.baseUrl,
      });
      hooks.setSecret(webhook.body.data.secret);
      const entry = await api("/api/v1/dnc", { method: "POST", key: key.key, body: { url: uniqueProfileUrl() }, baseUrl: first.baseUrl });
      expect(entry.status).toBe(201);
      await waitFor("the held first attempt", () => hooks.requests.length === 1);
      const exited = new Promise((resolve) => first.child.once("exit", resolve));
      first.child.kill("SIGKILL");
      await exited;

      second = await startServer({ databaseUrl: database.url, logFile, env });
      // Sent again once the dead instance's claim lease has run out.
      await waitFor("the delivery after the restart", () => hooks.received.length > 0, 60_000);
      expect(hooks.received[0]!.id).toBe(hooks.requests[0]!.headers["webhook-id"]);
      expect(hooks.received[0]!.data.entries[0].$id).toBe(entry.body.data.$id);
      const delivery = await waitFor("the delivery recorded", () =>
        db.webhookDelivery.findFirst({ where: { endpointId: webhook.body.data.id, status: "delivered" } }),
      );
      expect(delivery.attempts).toBe(1);
      expect(hooks.requests).toHaveLength(2);
    } finally {
      await second?.stop();
      await first.stop();
      await hooks.close();
      await db.$disconnect();
      await database.drop();
    }
  });
});
