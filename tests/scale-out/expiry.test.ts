import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";
import { startWebhookReceiver, waitFor } from "../support/webhook-receiver";

const [a, b] = inject("baseUrls") as [string, string];

describe("the expiry sweeper with two instances sharing PostgreSQL", () => {
  it("each expired entry is moved once, with one dnc.expired event and one webhook, though both instances sweep it", async () => {
    const teams = await Promise.all([createTestTeam(), createTestTeam()]);
    const hooks = await startWebhookReceiver();
    try {
      const webhook = await api("/api/v1/webhooks", {
        method: "POST",
        key: teams[0]!.writeKey,
        body: { url: hooks.url(), events: ["dnc.expired"] },
        baseUrl: a,
      });
      hooks.setSecret(webhook.body.data.secret);
      // Both instances sweep every 300 ms (tests/support/api-global-setup.ts) and read the same due entries.
      const expiresAt = new Date(Date.now() + 2000).toISOString();
      const added = await Promise.all(
        teams.map((team, i) =>
          api("/api/v1/dnc/batch", {
            method: "POST",
            key: team.writeKey,
            body: { entries: Array.from({ length: 25 }, () => ({ url: uniqueProfileUrl("expiring"), expiresAt })) },
            baseUrl: i ? b : a,
          }),
        ),
      );
      expect(added.map((response) => response.body.data?.added)).toEqual([25, 25]);
      const ids = added.flatMap((response) => response.body.data.details.map((detail: { $id: string }) => detail.$id));

      const db = await testDb();
      await waitFor("every entry swept", async () => (await db.dncEntry.count({ where: { id: { in: ids } } })) === 0, 15_000);
      const swept = Date.now();
      expect(swept - Date.parse(expiresAt)).toBeLessThan(10_000);

      const events = await db.auditEvent.findMany({ where: { action: "dnc.expired", targetId: { in: ids } } });
      expect(events).toHaveLength(50);
      expect(new Set(events.map((event) => event.targetId)).size).toBe(50);
      expect(events.every((event) => event.actor === "system")).toBe(true);
      const removed = await db.removedEntry.findMany({ where: { id: { in: ids } } });
      expect(removed).toHaveLength(50);
      expect(new Set(removed.map((row) => row.removalEventId))).toEqual(new Set(events.map((event) => event.id)));

      for (const [i, team] of teams.entries()) {
        const verdict = await api("/api/v1/audit/verify", { key: team.readKey, baseUrl: i ? a : b });
        expect(verdict.body.data).toMatchObject({ ok: true });
      }
      // Losing a race is not an error: neither instance logged a failed sweep.
      expect(readFileSync(inject("serverLogFile"), "utf8")).not.toContain('"msg":"expiry sweeper"');
      await waitFor("every webhook", () => hooks.received.length >= 25);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hooks.received).toHaveLength(25);
      expect(new Set(hooks.received.map((hook) => hook.data.id))).toEqual(new Set(ids.slice(0, 25)));
    } finally {
      await hooks.close();
    }
  });
});
