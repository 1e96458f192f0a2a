import { describe, expect, inject, it } from "vitest";
import { api, type ApiResponse } from "../support/api";
import { useExtraServer } from "../support/extra-server";
import { createTestTeam, type TestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";
import { signedInMember } from "../support/session";
import { startWebhookReceiver, waitFor } from "../support/webhook-receiver";

/** Issue 18, item 2: entries that expire. Runs on both engines (the api and api-postgres-redis projects). */

const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const sleepUntil = (instant: string) => new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(instant) - Date.now() + 20)));

function client(team: TestTeam, baseUrl?: string) {
  const write = (path: string, method: string, body?: unknown) => api(`/api/v1${path}`, { method, key: team.writeKey, body, baseUrl });
  const read = (path: string) => api(`/api/v1${path}`, { key: team.readKey, baseUrl });
  return {
    write,
    read,
    add: async (body: Record<string, unknown>) => {
      const response = await write("/dnc", "POST", body);
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.data;
    },
    check: (url: string) => read(`/dnc/check?url=${encodeURIComponent(url)}`),
    checkBatch: (urls: string[]) => write("/dnc/check/batch", "POST", { urls }),
    patch: (id: string, body: unknown) => write(`/dnc/${id}`, "PATCH", body),
  };
}

function expectError(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, error: response.body?.error }, JSON.stringify(response.body)).toEqual({ status, error: code });
  expect(response.body.message).toEqual(expect.any(String));
}

describe("expiresAt on add, batch add and PATCH", () => {
  it("is stored and answered only when sent: an entry added without it answers exactly as before", async () => {
    const dnc = client(await createTestTeam());
    const expiresAt = inDays(30);
    const withExpiry = await dnc.add({ url: uniqueProfileUrl("exp"), expiresAt });
    expect(withExpiry.expiresAt).toBe(expiresAt);
    const plain = await dnc.add({ url: uniqueProfileUrl("plain") });
    expect(Object.keys(plain).sort()).toEqual([
      "$createdAt",
      "$id",
      "$updatedAt",
      "createdBy",
      "note",
      "source",
      "sourceFile",
      "teamId",
      "url",
    ]);

    // A date alone is midnight UTC.
    const byDate = await dnc.add({ url: uniqueProfileUrl("date"), expiresAt: "2099-01-02" });
    expect(byDate.expiresAt).toBe("2099-01-02T00:00:00.000Z");

    const checked = await dnc.check(withExpiry.url);
    expect(checked.body.data).toEqual({ onList: true, entry: withExpiry });
    const listed = await dnc.read(`/dnc?q=${encodeURIComponent(withExpiry.url.split("/in/")[1])}`);
    expect(listed.body.data.entries).toEqual([withExpiry]);
  });

  it.each([
    ["a past instant", "2020-01-01T00:00:00Z"],
    ["today's midnight (past)", new Date().toISOString().slice(0, 10)],
    ["not ISO 8601", "next tuesday"],
    ["a date-time without a zone", "2099-01-01T10:00:00"],
    ["an impossible date", "2099-02-30"],
    ["a number", 4102444800000],
    ["null on add", null],
  ])("refuses %s with 400 invalid_expires_at, on add and per batch item", async (_, expiresAt) => {
    const team = await createTestTeam();
    const dnc = client(team);
    const url = uniqueProfileUrl("bad");
    expectError(await dnc.write("/dnc", "POST", { url, expiresAt }), 400, "invalid_expires_at");
    expectError(
      await dnc.write("/dnc/batch", "POST", { entries: [{ url: uniqueProfileUrl("ok") }, { url, expiresAt }] }),
      400,
      "invalid_expires_at",
    );
    expect((await dnc.check(url)).body.data).toEqual({ onList: false });
  });

  it("a batch gives each item its own expiry", async () => {
    const dnc = client(await createTestTeam());
    const expiresAt = inDays(7);
    const [first, second] = [uniqueProfileUrl("b1"), uniqueProfileUrl("b2")];
    const response = await dnc.write("/dnc/batch", "POST", { entries: [{ url: first, expiresAt }, { url: second }] });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    expect(response.body.data.added).toBe(2);
    const checked = await dnc.checkBatch([first, second]);
    expect(checked.body.data.results.map((result: { entry: { expiresAt?: string } }) => result.entry.expiresAt)).toEqual([
      expiresAt,
      undefined,
    ]);
  });

  it("PATCH changes and clears the expiry and the note, audited as dnc.updated with what changed", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const entry = await dnc.add({ url: uniqueProfileUrl("patch") });
    const expiresAt = inDays(10);

    const changed = await dnc.patch(entry.$id, { expiresAt, note: "  until the contract ends " });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ error: null, message: "DNC entry updated" });
    expect(changed.body.data).toMatchObject({ $id: entry.$id, expiresAt, note: "until the contract ends" });
    expect(Date.parse(changed.body.data.$updatedAt)).toBeGreaterThan(Date.parse(entry.$updatedAt));
    expect((await dnc.check(entry.url)).body.data.entry).toEqual(changed.body.data);

    // The same values again change nothing and record nothing.
    const again = await dnc.patch(entry.$id, { expiresAt, note: "until the contract ends" });
    expect(again.body.data).toEqual(changed.body.data);

    const cleared = await dnc.patch(entry.$id, { expiresAt: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.data).not.toHaveProperty("expiresAt");
    expect(cleared.body.data.note).toBe("until the contract ends");
    const noteCleared = await dnc.patch(entry.$id, { note: "" });
    expect(noteCleared.body.data.note).toBeNull();

    const audit = await dnc.read(`/audit?action=dnc.updated&order=asc`);
    expect(audit.body.data.events.map((event: { reason: string }) => JSON.parse(event.reason))).toEqual([
      { expiresAt: { from: null, to: expiresAt }, note: { from: null, to: "until the contract ends" } },
      { expiresAt: { from: expiresAt, to: null } },
      { note: { from: "until the contract ends", to: null } },
    ]);
    expect(audit.body.data.events[0]).toMatchObject({ actor: expect.stringMatching(/^key:/), targetId: entry.$id, url: entry.url });
    expect((await dnc.read("/audit/verify")).body.data).toMatchObject({ ok: true });
  });

  it("PATCH sends a dnc.updated webhook with the changes, and leaves the change feed alone", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const hooks = await startWebhookReceiver();
    try {
      const webhook = await dnc.write("/webhooks", "POST", { url: hooks.url(), events: ["dnc.updated"] });
      hooks.setSecret(webhook.body.data.secret);
      const entry = await dnc.add({ url: uniqueProfileUrl("hooked") });
      const expiresAt = inDays(2);
      expect((await dnc.patch(entry.$id, { expiresAt })).status).toBe(200);
      const updated = await waitFor("the dnc.updated webhook", () => hooks.received.find((hook) => hook.type === "dnc.updated"));
      expect(updated.data).toEqual({ id: entry.$id, url: entry.url, changes: { expiresAt: { from: null, to: expiresAt } } });
      const feed = (await dnc.read("/dnc/changes")).body.data.changes;
      expect(feed.map((change: { type: string }) => change.type)).toEqual(["added"]);
    } finally {
      await hooks.close();
    }
  });

  it("PATCH refuses bad input, other teams' entries and read keys", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const entry = await dnc.add({ url: uniqueProfileUrl("refuse") });
    expectError(await dnc.patch(entry.$id, { expiresAt: "2001-01-01" }), 400, "invalid_expires_at");
    expectError(await dnc.patch(entry.$id, { expiresAt: "soon" }), 400, "invalid_expires_at");
    expectError(await dnc.patch(entry.$id, { note: "x".repeat(501) }), 400, "invalid_note");
    expectError(await dnc.patch(entry.$id, { note: 5 }), 400, "invalid_note");
    expectError(await dnc.patch(entry.$id, {}), 400, "invalid_update");
    // Only fields it changes count: an unknown one leaves nothing to change.
    expectError(await dnc.patch(entry.$id, { colour: "red" }), 400, "invalid_update");
    expectError(await dnc.patch(entry.$id, [1]), 400, "invalid_body");
    expectError(await dnc.write(`/dnc/${entry.$id}`, "PATCH", "{"), 400, "invalid_json");
    expectError(await dnc.patch("dnc_doesnotexist", { note: "x" }), 404, "dnc_not_found");
    expectError(await dnc.patch("not-an-id", { note: "x" }), 404, "dnc_not_found");
    expectError(await api(`/api/v1/dnc/${entry.$id}`, { method: "PATCH", key: team.readKey, body: { note: "x" } }), 403, "forbidden");
    const other = client(await createTestTeam());
    expectError(await other.patch(entry.$id, { note: "theirs" }), 403, "unauthorized_dnc");
    expect((await dnc.check(entry.url)).body.data.entry).toEqual(entry);
  });

  it("PATCH is for owners and admins: a viewer is refused, an admin's change is audited under their email", async () => {
    const team = await createTestTeam();
    const entry = await client(team).add({ url: uniqueProfileUrl("roles") });
    const asMember = async (role: "viewer" | "admin", body: unknown) => {
      const member = await signedInMember(team, role);
      const headers = { cookie: member.jar.header(), "x-dnc-team": team.slug, origin: inject("baseUrl") };
      return { email: member.email, response: await api(`/api/v1/dnc/${entry.$id}`, { method: "PATCH", body, headers }) };
    };
    expectError((await asMember("viewer", { note: "viewer" })).response, 403, "forbidden");
    const admin = await asMember("admin", { expiresAt: "2099-03-01" });
    expect(admin.response.status, JSON.stringify(admin.response.body)).toBe(200);
    expect(admin.response.body.data.expiresAt).toBe("2099-03-01T00:00:00.000Z");
    const [event] = (await client(team).read("/audit?action=dnc.updated")).body.data.events;
    expect(event.actor).toBe(admin.email);
  });
});

describe("an entry stops matching at its expiry instant", () => {
  it("single and batch checks answer onList false from that instant, cached answers included, before any sweep", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const expiresAt = new Date(Date.now() + 2500).toISOString();
    const entry = await dnc.add({ url: uniqueProfileUrl("soon"), expiresAt });
    const domain = await dnc.add({ kind: "domain", domain: `expiring-${entry.$id.slice(4, 14).toLowerCase()}.com`, expiresAt });

    // Read twice before the instant: the second answer comes from the cache.
    for (let i = 0; i < 2; i++) {
      expect((await dnc.check(entry.url)).body.data).toEqual({ onList: true, entry });
      expect((await dnc.checkBatch([entry.url])).body.data.onList).toBe(1);
      expect((await dnc.read(`/dnc/check?domain=${domain.url}`)).body.data.onList).toBe(true);
    }
    await sleepUntil(expiresAt);
    expect((await dnc.check(entry.url)).body.data).toEqual({ onList: false });
    expect((await dnc.checkBatch([entry.url, `${entry.url}/`])).body.data).toMatchObject({
      onList: 0,
      results: [{ onList: false }, { onList: false }],
    });
    expect((await dnc.read(`/dnc/check?domain=${domain.url}`)).body.data).toEqual({ onList: false });
    // No sweep has run on this server (it sweeps once a minute): the rows are still there.
    const db = await testDb();
    expect(await db.dncEntry.count({ where: { id: { in: [entry.$id, domain.$id] } } })).toBe(2);
    // Nor can it be changed any more: it is off the list.
    expectError(await dnc.patch(entry.$id, { expiresAt: inDays(1) }), 404, "dnc_not_found");
  });

  it("its identifiers are free at that instant too: adding one again (single or batch) moves the expired entry first", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const expiresAt = new Date(Date.now() + 2000).toISOString();
    const single = await dnc.add({ url: uniqueProfileUrl("again"), expiresAt });
    const batched = await dnc.add({ url: uniqueProfileUrl("again-batch"), expiresAt });
    const alias = `https://linkedin.com/in/again-alias-${batched.$id.slice(4, 14).toLowerCase()}`;
    expect((await dnc.write(`/dnc/${batched.$id}/aliases`, "POST", { url: alias })).status).toBe(201);
    expectError(await dnc.write("/dnc", "POST", { url: single.url }), 409, "dnc_exists");
    await sleepUntil(expiresAt);

    const again = await dnc.write("/dnc", "POST", { url: single.url });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.data.$id).not.toBe(single.$id);
    const batch = await dnc.write("/dnc/batch", "POST", { entries: [{ url: alias }] });
    expect(batch.body.data).toMatchObject({ added: 1, duplicates: 0 });

    const removed = (await dnc.read("/dnc/removed")).body.data.entries as { $id: string; removedBy: string }[];
    expect(removed.map((entry) => [entry.$id, entry.removedBy]).sort()).toEqual(
      [
        [single.$id, "system"],
        [batched.$id, "system"],
      ].sort(),
    );
    const db = await testDb();
    expect(await db.auditEvent.count({ where: { teamId: team.id, action: "dnc.expired" } })).toBe(2);
    expect((await dnc.read("/audit/verify")).body.data).toMatchObject({ ok: true });
  });

  it("a later expiry set by PATCH keeps it matching; clearing the expiry keeps it for good", async () => {
    const dnc = client(await createTestTeam());
    const expiresAt = new Date(Date.now() + 2000).toISOString();
    const entry = await dnc.add({ url: uniqueProfileUrl("extend"), expiresAt });
    expect((await dnc.check(entry.url)).body.data.onList).toBe(true);
    expect((await dnc.patch(entry.$id, { expiresAt: null })).status).toBe(200);
    await sleepUntil(expiresAt);
    expect((await dnc.check(entry.url)).body.data.onList).toBe(true);
  });
});

describe("expires within N days", () => {
  it("filters the list to entries with an expiry up to N days from now", async () => {
    const dnc = client(await createTestTeam());
    const soon = await dnc.add({ url: uniqueProfileUrl("f1"), expiresAt: inDays(3) });
    const later = await dnc.add({ url: uniqueProfileUrl("f2"), expiresAt: inDays(20) });
    await dnc.add({ url: uniqueProfileUrl("f3") });
    const within = async (days: number) =>
      ((await dnc.read(`/dnc?expiresWithin=${days}`)).body.data.entries as { $id: string }[]).map((entry) => entry.$id);
    expect(await within(7)).toEqual([soon.$id]);
    expect((await within(30)).sort()).toEqual([soon.$id, later.$id].sort());
    expect(await within(1)).toEqual([]);
    expect((await dnc.read("/dnc")).body.data.total).toBe(3);
    for (const bad of ["0", "-1", "1.5", "x", "3651"]) expectError(await dnc.read(`/dnc?expiresWithin=${bad}`), 400, "invalid_query");
  });
});

describe("the sweeper", () => {
  const sweeper = useExtraServer({ DNC_EXPIRY_SWEEP_INTERVAL_MS: "300" });

  it("moves an expired entry to Recently removed with a dnc.expired event by system, in the feed and to webhooks; restore clears the expiry", async () => {
    const team = await createTestTeam();
    const dnc = client(team, sweeper.baseUrl());
    const hooks = await startWebhookReceiver();
    try {
      const webhook = await dnc.write("/webhooks", "POST", { url: hooks.url(), events: ["dnc.expired", "dnc.restored"] });
      expect(webhook.status, JSON.stringify(webhook.body)).toBe(201);
      hooks.setSecret(webhook.body.data.secret);
      const start = (await dnc.read("/dnc/changes")).body.data.nextCursor;

      const expiresAt = new Date(Date.now() + 1500).toISOString();
      const entry = await dnc.add({ url: uniqueProfileUrl("swept"), expiresAt, note: "trial" });
      const alias = `https://linkedin.com/in/alias-of-${entry.$id.slice(4, 14).toLowerCase()}`;
      expect((await dnc.write(`/dnc/${entry.$id}/aliases`, "POST", { url: alias })).status).toBe(201);
      const db = await testDb();
      await waitFor("the entry swept", async () => (await db.dncEntry.count({ where: { id: entry.$id } })) === 0, 10_000);

      const removed = (await dnc.read("/dnc/removed")).body.data.entries;
      expect(removed).toHaveLength(1);
      expect(removed[0]).toMatchObject({
        $id: entry.$id,
        url: entry.url,
        note: "trial",
        aliases: [alias],
        expiresAt,
        removedBy: "system",
        reason: `Expired at ${expiresAt}`,
      });
      expect(Date.parse(removed[0].removedAt)).toBeGreaterThanOrEqual(Date.parse(expiresAt));

      const events = (await dnc.read(`/audit?action=dnc.expired`)).body.data.events;
      expect(events).toEqual([
        expect.objectContaining({ actor: "system", targetId: entry.$id, url: entry.url, $id: removed[0].removalEventId }),
      ]);

      const feed = (await dnc.read(`/dnc/changes?cursor=${encodeURIComponent(start)}`)).body.data.changes;
      expect(feed.map((change: { type: string; reason?: string }) => [change.type, change.reason])).toEqual([
        ["added", undefined],
        ["alias_added", undefined],
        ["removed", "expired"],
      ]);

      const expired = await waitFor("the dnc.expired webhook", () => hooks.received.find((hook) => hook.type === "dnc.expired"));
      expect(expired.data).toEqual({ id: entry.$id, url: entry.url, expiresAt });
      expect(expired.id).toBe(removed[0].removalEventId);

      // Restored, it comes back without the expiry that has passed (it would expire again at once).
      const restored = await dnc.write(`/dnc/${entry.$id}/restore`, "POST");
      expect(restored.status, JSON.stringify(restored.body)).toBe(201);
      expect(restored.body.data).toMatchObject({ $id: entry.$id, url: entry.url, note: "trial", aliases: [alias] });
      expect(restored.body.data).not.toHaveProperty("expiresAt");
      const restoreEvent = (await dnc.read(`/audit?action=dnc.restored`)).body.data.events[0];
      expect(restoreEvent.undoes).toBe(removed[0].removalEventId);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect((await dnc.check(entry.url)).body.data).toMatchObject({ onList: true, entry: { $id: entry.$id } });
      expect(await db.auditEvent.count({ where: { teamId: team.id, action: "dnc.expired" } })).toBe(1);
      expect((await dnc.read("/audit/verify")).body.data).toMatchObject({ ok: true });
    } finally {
      await hooks.close();
    }
  });

  it("a deleted entry restored before its expiry keeps the expiry; entries without one are never swept", async () => {
    const team = await createTestTeam();
    const dnc = client(team, sweeper.baseUrl());
    const expiresAt = inDays(5);
    const entry = await dnc.add({ url: uniqueProfileUrl("keep"), expiresAt });
    const forever = await dnc.add({ url: uniqueProfileUrl("forever") });
    expect((await dnc.write(`/dnc/${entry.$id}`, "DELETE")).status).toBe(200);
    const restored = await dnc.write(`/dnc/${entry.$id}/restore`, "POST");
    expect(restored.body.data.expiresAt).toBe(expiresAt);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect((await dnc.check(forever.url)).body.data.onList).toBe(true);
    expect((await dnc.check(entry.url)).body.data.onList).toBe(true);
  });
});
