import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, type TestTeam, uniqueProfileUrl } from "../support/fixtures";

let a: TestTeam;
let b: TestTeam;
let aEntries: { $id: string; url: string }[];

async function snapshot(team: TestTeam) {
  const list = await api("/api/v1/dnc?limit=1000", { key: team.readKey });
  const audit = await api("/api/v1/audit?limit=1000", { key: team.readKey });
  return { entries: list.body.data.entries, auditIds: audit.body.data.events.map((e: { $id: string }) => e.$id) };
}

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTeam(), createTestTeam()]);
  aEntries = [];
  for (let i = 0; i < 3; i++) {
    const response = await api("/api/v1/dnc", { method: "POST", key: a.writeKey, body: { url: uniqueProfileUrl("iso") } });
    aEntries.push(response.body.data);
  }
});

describe("team isolation: team B's keys against team A's ids and URLs", () => {
  it("on every route, B never sees A's data and A's list and audit trail never change", async () => {
    const before = await snapshot(a);
    const aIds = aEntries.map((e) => e.$id);
    const aUrls = aEntries.map((e) => e.url);
    const leaks = (body: unknown) => {
      const text = JSON.stringify(body);
      return [...aIds, ...aUrls, a.id].filter((value) => text.includes(value));
    };

    for (const key of [b.readKey, b.writeKey]) {
      const list = await api("/api/v1/dnc?limit=1000", { key });
      expect(list.status).toBe(200);
      expect(leaks(list.body)).toEqual([]);

      const search = await api(`/api/v1/dnc?q=${encodeURIComponent(aUrls[0]!.split("/in/")[1]!)}`, { key });
      expect(search.body.data).toEqual({ entries: [], total: 0, limit: 50, offset: 0 });

      for (const url of aUrls) {
        const check = await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key });
        expect(check.body).toEqual({ error: null, data: { onList: false } });
      }

      const audit = await api("/api/v1/audit?limit=1000", { key });
      expect(audit.status).toBe(200);
      expect(leaks(audit.body)).toEqual([]);
    }

    for (const id of aIds) {
      const withWriteKey = await api(`/api/v1/dnc/${id}`, { method: "DELETE", key: b.writeKey, body: { reason: "cross-team" } });
      expect(withWriteKey.status).toBe(403);
      expect(withWriteKey.body).toEqual({ error: "unauthorized_dnc", message: "You do not have access to this DNC entry" });
      const withReadKey = await api(`/api/v1/dnc/${id}`, { method: "DELETE", key: b.readKey });
      expect(withReadKey.body.error).toBe("forbidden");
      expect(leaks(withWriteKey.body)).toEqual([]);
    }

    // Adding A's URLs from B (even naming A's team in the body) lands in B's list only.
    const added = await api("/api/v1/dnc", { method: "POST", key: b.writeKey, body: { url: aUrls[0], teamId: a.id, $id: aIds[0] } });
    expect(added.status).toBe(201);
    expect(added.body.data.teamId).toBe(b.id);
    expect(added.body.data.$id).not.toBe(aIds[0]);
    const batch = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: b.writeKey,
      body: { teamId: a.id, entries: aUrls.map((url) => ({ url, teamId: a.id })) },
    });
    expect(batch.body.data).toMatchObject({ added: 2, duplicates: 1, errors: 0 });
    expect(batch.body.data.details.map((d: { $id: string }) => d.$id).filter((id: string) => aIds.includes(id))).toEqual([]);

    // B removing its own copies leaves A's entries in place.
    for (const detail of batch.body.data.details) {
      expect((await api(`/api/v1/dnc/${detail.$id}`, { method: "DELETE", key: b.writeKey })).status).toBe(200);
    }

    expect(await snapshot(a)).toEqual(before);
    for (const url of aUrls) {
      const check = await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: a.readKey });
      expect(check.body.data.onList).toBe(true);
    }
  });

  it("a cached positive answer for A is never served to B", async () => {
    const url = aEntries[0]!.url;
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: a.readKey })).body.data.onList).toBe(true);
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: b.readKey })).body.data).toEqual({ onList: false });
  });
});
