import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";
import { startWebhookReceiver, waitFor } from "../support/webhook-receiver";

const [a, b] = inject("baseUrls") as [string, string];

describe("webhooks with two instances sharing PostgreSQL", () => {
  it("each delivery is claimed and sent by exactly one instance", async () => {
    const team = await createTestTeam();
    const hooks = await startWebhookReceiver();
    try {
      // A slow receiver keeps deliveries in flight while both workers look for due ones.
      hooks.respondWith((_, response) => setTimeout(() => response.end("ok"), 100));
      const webhook = await api("/api/v1/webhooks", {
        method: "POST",
        key: team.writeKey,
        body: { url: hooks.url(), events: ["dnc.added", "dnc.deleted"] },
        baseUrl: a,
      });
      hooks.setSecret(webhook.body.data.secret);
      const added = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("hook") }, baseUrl: i % 2 ? a : b }),
        ),
      );
      expect(added.map((r) => r.status)).toEqual(Array(20).fill(201));
      // The wait reads the database: polling the API would spend the team's read budget.
      const db = await testDb();
      await waitFor(
        "every delivery recorded",
        async () => (await db.webhookDelivery.count({ where: { teamId: team.id, status: "delivered" } })) === 20,
      );
      const deliveries = (await api(`/api/v1/webhooks/${webhook.body.data.id}/deliveries`, { key: team.writeKey, baseUrl: b })).body.data
        .deliveries as { status: string; attempts: number }[];
      expect(deliveries).toHaveLength(20);
      expect(deliveries.every((d) => d.attempts === 1)).toBe(true);
      expect(hooks.requests).toHaveLength(20);
      expect(new Set(hooks.received.map((hook) => hook.id)).size).toBe(20);
      expect(new Set(hooks.received.map((hook) => hook.data.entries[0].$id))).toEqual(new Set(added.map((r) => r.body.data.$id)));
    } finally {
      await hooks.close();
    }
  });
});
