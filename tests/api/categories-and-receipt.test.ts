import { describe, expect, inject, it } from "vitest";
import { api, type ApiResponse } from "../support/api";
import { createTestTeam, type TestTeam, uniqueProfileUrl } from "../support/fixtures";
import { signedInMember, type TestMember } from "../support/session";

/** Issue 18, items 3 and 4: categories, protected entries, and when the opt-out was received. Runs on both engines. */

const DAY_MS = 86_400_000;

function expectError(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, error: response.body?.error }, JSON.stringify(response.body)).toEqual({ status, error: code });
  expect(response.body.message).toEqual(expect.any(String));
}

const session = (team: TestTeam, member: TestMember) => ({
  cookie: member.jar.header(),
  "x-dnc-team": team.slug,
  origin: inject("baseUrl"),
});

async function addWithKey(team: TestTeam, body: Record<string, unknown>) {
  const response = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body });
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return response.body.data;
}

describe("categories", () => {
  it("an add without a category answers as before; a category is kept, listed, filtered and checked with the entry", async () => {
    const team = await createTestTeam();
    const plain = await addWithKey(team, { url: uniqueProfileUrl("plain") });
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

    const complaint = await addWithKey(team, { url: uniqueProfileUrl("complaint"), category: "complaint" });
    expect(complaint.category).toBe("complaint");
    const batch = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: { entries: [{ url: uniqueProfileUrl("customer"), category: "customer" }, { url: uniqueProfileUrl("batch-plain") }] },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);

    const filtered = await api("/api/v1/dnc?category=complaint,customer&order=asc", { key: team.readKey });
    expect(filtered.body.data.entries.map((entry: { category?: string }) => entry.category)).toEqual(["complaint", "customer"]);
    expect((await api("/api/v1/dnc?category=opt_out", { key: team.readKey })).body.data.total).toBe(2);
    const checked = await api(`/api/v1/dnc/check?url=${encodeURIComponent(complaint.url)}`, { key: team.readKey });
    expect(checked.body.data).toEqual({ onList: true, entry: complaint });
  });

  it("an unknown category is 400 invalid_category, in an add, a batch item or a list filter, with nothing written", async () => {
    const team = await createTestTeam();
    const url = uniqueProfileUrl("bad-category");
    expectError(await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url, category: "spam" } }), 400, "invalid_category");
    expectError(
      await api("/api/v1/dnc/batch", {
        method: "POST",
        key: team.writeKey,
        body: { entries: [{ url }, { url: uniqueProfileUrl(), category: 3 }] },
      }),
      400,
      "invalid_category",
    );
    expectError(await api("/api/v1/dnc?category=spam", { key: team.readKey }), 400, "invalid_query");
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey })).body.data).toEqual({ onList: false });
  });
});

describe("protected entries", () => {
  it("a complaint or legal entry: API keys and admins get 403 protected_entry, an owner needs a reason, and then it is removed and restorable", async () => {
    const team = await createTestTeam();
    const [complaint, legal] = [
      await addWithKey(team, { url: uniqueProfileUrl("complaint"), category: "complaint" }),
      await addWithKey(team, { url: uniqueProfileUrl("legal"), category: "legal" }),
    ];
    const admin = await signedInMember(team, "admin");
    const owner = await signedInMember(team, "owner");
    for (const entry of [complaint, legal]) {
      expectError(await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey }), 403, "protected_entry");
      expectError(
        await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", body: { reason: "asked" }, headers: session(team, admin) }),
        403,
        "protected_entry",
      );
      expectError(
        await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", body: {}, headers: session(team, owner) }),
        400,
        "reason_required",
      );
      expectError(
        await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", body: { reason: "   " }, headers: session(team, owner) }),
        400,
        "reason_required",
      );
    }
    // Nothing was written by the refusals: both still listed, with their aliases' table untouched, and no removal recorded.
    expect((await api("/api/v1/dnc?category=complaint,legal", { key: team.readKey })).body.data.total).toBe(2);
    expect((await api("/api/v1/dnc/removed", { key: team.readKey })).body.data.total).toBe(0);
    expect((await api("/api/v1/audit?action=dnc.deleted", { key: team.readKey })).body.data.total).toBe(0);

    const removed = await api(`/api/v1/dnc/${complaint.$id}`, {
      method: "DELETE",
      body: { reason: "consent given again in writing" },
      headers: session(team, owner),
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    const restored = await api(`/api/v1/dnc/${complaint.$id}/restore`, { method: "POST", key: team.writeKey });
    expect(restored.status, JSON.stringify(restored.body)).toBe(201);
    expect(restored.body.data).toMatchObject({ $id: complaint.$id, category: "complaint" });
  });

  it("other categories are removed as before, by keys and admins, without a reason", async () => {
    const team = await createTestTeam();
    const admin = await signedInMember(team, "admin");
    const competitor = await addWithKey(team, { url: uniqueProfileUrl("competitor"), category: "competitor" });
    const customer = await addWithKey(team, { url: uniqueProfileUrl("customer"), category: "customer" });
    expect((await api(`/api/v1/dnc/${competitor.$id}`, { method: "DELETE", key: team.writeKey })).status).toBe(200);
    expect((await api(`/api/v1/dnc/${customer.$id}`, { method: "DELETE", body: {}, headers: session(team, admin) })).status).toBe(200);
  });
});

describe("what would end a protected entry by other means", () => {
  it("an expiry on a complaint or legal entry, or an alias taken off one, is an owner's: keys and admins get 403, nothing written", async () => {
    const team = await createTestTeam();
    const tomorrow = new Date(Date.now() + DAY_MS).toISOString();
    const url = uniqueProfileUrl("expiring-legal");
    expectError(
      await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url, category: "legal", expiresAt: tomorrow } }),
      403,
      "protected_entry",
    );
    const batch = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: {
        entries: [
          { url, category: "complaint", expiresAt: tomorrow },
          { url: uniqueProfileUrl("expiring-plain"), expiresAt: tomorrow },
        ],
      },
    });
    expect(batch.body.data).toMatchObject({ added: 1, errors: 1 });
    expect(batch.body.data.details[0]).toMatchObject({ status: "error", error: "protected_entry" });
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey })).body.data).toEqual({ onList: false });

    const legal = await addWithKey(team, { url, category: "legal" });
    const alias = uniqueProfileUrl("legal-alias");
    expect((await api(`/api/v1/dnc/${legal.$id}/aliases`, { method: "POST", key: team.writeKey, body: { url: alias } })).status).toBe(201);
    const admin = await signedInMember(team, "admin");
    expectError(
      await api(`/api/v1/dnc/${legal.$id}`, { method: "PATCH", key: team.writeKey, body: { expiresAt: tomorrow } }),
      403,
      "protected_entry",
    );
    expectError(
      await api(`/api/v1/dnc/${legal.$id}`, { method: "PATCH", body: { expiresAt: tomorrow }, headers: session(team, admin) }),
      403,
      "protected_entry",
    );
    expectError(
      await api(`/api/v1/dnc/${legal.$id}/aliases/${encodeURIComponent(alias)}`, { method: "DELETE", key: team.writeKey }),
      403,
      "protected_entry",
    );
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(alias)}`, { key: team.readKey })).body.data.onList).toBe(true);
    expect((await api("/api/v1/audit?action=dnc.updated", { key: team.readKey })).body.data.total).toBe(0);

    const owner = await signedInMember(team, "owner");
    const expiring = await api(`/api/v1/dnc/${legal.$id}`, {
      method: "PATCH",
      body: { expiresAt: tomorrow },
      headers: session(team, owner),
    });
    expect(expiring.status, JSON.stringify(expiring.body)).toBe(200);
    const unaliased = await api(`/api/v1/dnc/${legal.$id}/aliases/${encodeURIComponent(alias)}`, {
      method: "DELETE",
      body: {},
      headers: session(team, owner),
    });
    expect(unaliased.status, JSON.stringify(unaliased.body)).toBe(200);
  });
});

describe("changing a category (PATCH /dnc/{id})", () => {
  it("anyone who writes may make an entry protected; only an owner in the dashboard lifts the protection, audited", async () => {
    const team = await createTestTeam();
    const entry = await addWithKey(team, { url: uniqueProfileUrl("recategorised") });
    const patch = (body: unknown, request: { key?: string; headers?: Record<string, string> }) =>
      api(`/api/v1/dnc/${entry.$id}`, { method: "PATCH", body, ...request });

    const raised = await patch({ category: "legal" }, { key: team.writeKey });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body.data.category).toBe("legal");
    expectError(await patch({ category: "spam" }, { key: team.writeKey }), 400, "invalid_category");

    const admin = await signedInMember(team, "admin");
    expectError(await patch({ category: "customer" }, { key: team.writeKey }), 403, "protected_entry");
    expectError(await patch({ category: "opt_out" }, { headers: session(team, admin) }), 403, "protected_entry");
    // Between protected categories, and other fields, is no lifting.
    expect((await patch({ category: "complaint", note: "by letter" }, { headers: session(team, admin) })).status).toBe(200);

    const owner = await signedInMember(team, "owner");
    const lifted = await patch({ category: "customer" }, { headers: session(team, owner) });
    expect(lifted.status, JSON.stringify(lifted.body)).toBe(200);
    expect(lifted.body.data.category).toBe("customer");
    expect((await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey })).status).toBe(200);

    const updates = await api("/api/v1/audit?action=dnc.updated&order=asc", { key: team.readKey });
    expect(
      updates.body.data.events.map((event: { actor: string; reason: string }) => [event.actor, JSON.parse(event.reason).category]),
    ).toEqual([
      [expect.stringContaining("key:"), { from: "opt_out", to: "legal" }],
      [admin.email, { from: "legal", to: "complaint" }],
      [owner.email, { from: "complaint", to: "customer" }],
    ]);
  });
});

describe("when the opt-out was received", () => {
  it("receivedAt is kept; an entry added past it plus the team's window is late, and the list filters by it", async () => {
    const team = await createTestTeam();
    const onTime = await addWithKey(team, {
      url: uniqueProfileUrl("on-time"),
      receivedAt: new Date(Date.now() - 3 * DAY_MS).toISOString(),
    });
    expect(onTime.receivedAt).toEqual(expect.any(String));
    expect(onTime.late).toBeUndefined();
    const lateOne = await addWithKey(team, {
      url: uniqueProfileUrl("late"),
      receivedAt: new Date(Date.now() - 12 * DAY_MS).toISOString().slice(0, 10),
    });
    expect(lateOne.late).toBe(true);
    const plain = await addWithKey(team, { url: uniqueProfileUrl("now") });
    expect(plain.receivedAt).toBeUndefined();

    const late = await api("/api/v1/dnc?late=true", { key: team.readKey });
    expect(late.body.data.entries.map((entry: { $id: string }) => entry.$id)).toEqual([lateOne.$id]);
    expect((await api("/api/v1/dnc?late=false", { key: team.readKey })).body.data.total).toBe(2);

    // A wider window applies to entries added from then on; the entry added under the old one stays late.
    const owner = await signedInMember(team, "owner");
    const widened = await api("/api/v1/team", { method: "PATCH", body: { optOutWindowDays: 30 }, headers: session(team, owner) });
    expect(widened.status, JSON.stringify(widened.body)).toBe(200);
    expect(widened.body.data).toEqual({ optOutWindowDays: 30 });
    const batch = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: { entries: [{ url: uniqueProfileUrl("batch-late"), receivedAt: new Date(Date.now() - 12 * DAY_MS).toISOString() }] },
    });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    expect((await api("/api/v1/dnc?late=true", { key: team.readKey })).body.data.total).toBe(1);
    const changed = await api("/api/v1/audit?action=team.settings_changed", { key: team.readKey });
    expect(changed.body.data.events).toEqual([expect.objectContaining({ actor: owner.email, reason: "Opt-out window: 10 → 30 days" })]);
    expect((await api("/api/v1/audit/verify", { key: team.readKey })).body.data).toMatchObject({ ok: true });
  });

  it("receivedAt in the future or not ISO 8601 is 400 invalid_received_at; a bad window is 400 invalid_team_settings", async () => {
    const team = await createTestTeam();
    for (const receivedAt of [new Date(Date.now() + DAY_MS).toISOString(), "yesterday", "2026-13-45", 1700000000000]) {
      const response = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl(), receivedAt } });
      expectError(response, 400, "invalid_received_at");
    }
    const owner = await signedInMember(team, "owner");
    for (const optOutWindowDays of [0, 366, 2.5, "10", null]) {
      const response = await api("/api/v1/team", { method: "PATCH", body: { optOutWindowDays }, headers: session(team, owner) });
      expectError(response, 400, "invalid_team_settings");
    }
    expect((await api("/api/v1/team", { key: team.readKey })).body.data).toEqual({ optOutWindowDays: 10 });
  });

  it("the team's settings: every caller reads them; only owners and admins change them", async () => {
    const team = await createTestTeam();
    const viewer = await signedInMember(team, "viewer");
    const admin = await signedInMember(team, "admin");
    expect((await api("/api/v1/team", { headers: session(team, viewer) })).body.data).toEqual({ optOutWindowDays: 10 });
    expectError(await api("/api/v1/team", { method: "PATCH", key: team.writeKey, body: { optOutWindowDays: 5 } }), 403, "forbidden");
    expectError(
      await api("/api/v1/team", { method: "PATCH", body: { optOutWindowDays: 5 }, headers: session(team, viewer) }),
      403,
      "forbidden",
    );
    expect((await api("/api/v1/team", { method: "PATCH", body: { optOutWindowDays: 5 }, headers: session(team, admin) })).status).toBe(200);
    // Another team's setting is its own.
    const other = await createTestTeam();
    expect((await api("/api/v1/team", { key: other.readKey })).body.data).toEqual({ optOutWindowDays: 10 });
  });
});
