import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { encodeChangeFeedCursor } from "@/lib/dnc/change-feed-cursor";
import { api } from "../support/api";
import { createTestTeam, type TestTeam, uniqueProfileUrl } from "../support/fixtures";
import { useExtraServer } from "../support/extra-server";
import { signedInMember } from "../support/session";

const checkBatch = (team: TestTeam, urls: unknown, path = "/api/v1/dnc/check/batch") =>
  api(path, { method: "POST", key: team.readKey, body: { urls } });

describe("POST /dnc/check/batch", () => {
  let team: TestTeam;
  let listed: { $id: string; url: string }[];
  beforeAll(async () => {
    team = await createTestTeam();
    listed = [];
    for (let i = 0; i < 3; i += 1) {
      listed.push(
        (await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("batch-check") } })).body.data,
      );
    }
  });

  it("one result per input, in input order, with the entry when listed, and the count on the list", async () => {
    const notListed = uniqueProfileUrl("not-listed");
    const spelling = listed[1]!.url.replace("https://linkedin.com", "http://www.LinkedIn.com") + "/?trk=x";
    const inputs = [listed[0]!.url, notListed, "not a url", spelling, listed[0]!.url, listed[2]!.url];
    const response = await checkBatch(team, inputs);
    expect(response.status).toBe(200);
    const { results, onList } = response.body.data;
    expect(onList).toBe(4);
    expect(results).toHaveLength(6);
    expect(results[0]).toEqual({ url: listed[0]!.url, normalizedUrl: listed[0]!.url, onList: true, entry: listed[0] });
    expect(results[1]).toEqual({ url: notListed, normalizedUrl: notListed.replace("www.", ""), onList: false });
    expect(results[2]).toEqual({ url: "not a url", error: "invalid_url" });
    expect(results[3]).toMatchObject({ url: spelling, normalizedUrl: listed[1]!.url, onList: true, entry: { $id: listed[1]!.$id } });
    expect(results[4].entry.$id).toBe(listed[0]!.$id);
    expect(results[5].entry.$id).toBe(listed[2]!.$id);
  });

  it("answers what the single check answers, before and after a change (the same cache)", async () => {
    const url = listed[2]!.url;
    expect((await checkBatch(team, [url])).body.data.onList).toBe(1);
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey })).body.data.onList).toBe(true);
    expect((await api(`/api/v1/dnc/${listed[2]!.$id}`, { method: "DELETE", key: team.writeKey })).status).toBe(200);
    expect((await checkBatch(team, [url])).body.data).toEqual({ results: [{ url, normalizedUrl: url, onList: false }], onList: 0 });
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey })).body.data.onList).toBe(false);
    const readded = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url } });
    expect((await checkBatch(team, [url])).body.data.results[0].entry.$id).toBe(readded.body.data.$id);
    listed[2] = readded.body.data;
  });

  it("1000 URLs are one request of the read budget, under /v1 too", async () => {
    const fresh = await createTestTeam();
    const urls = Array.from({ length: 1000 }, (_, i) => `linkedin.com/in/thousand-${i}`);
    const first = await checkBatch(fresh, urls, "/v1/dnc/check/batch");
    expect(first.status).toBe(200);
    expect(first.body.data.results).toHaveLength(1000);
    expect(first.body.data.onList).toBe(0);
    const limit = Number(first.headers.get("ratelimit-limit"));
    expect(first.headers.get("ratelimit-remaining")).toBe(String(limit - 1));
    const second = await checkBatch(fresh, urls);
    expect(second.headers.get("ratelimit-remaining")).toBe(String(limit - 2));
  });

  it("another team's entries are never on this team's list", async () => {
    const other = await createTestTeam();
    const response = await checkBatch(
      other,
      listed.map((entry) => entry.url),
    );
    expect(response.body.data.onList).toBe(0);
    expect(response.body.data.results.every((result: { onList: boolean }) => result.onList === false)).toBe(true);
  });

  it.each([
    ["no urls field", {}, "missing_urls"],
    ["urls empty", { urls: [] }, "empty_urls"],
    ["urls not an array", { urls: "in/x" }, "invalid_urls"],
    ["a url that is not a string", { urls: ["in/x", 42] }, "invalid_urls"],
    ["1001 urls", { urls: Array.from({ length: 1001 }, (_, i) => `in/x-${i}`) }, "too_many_urls"],
    ["body not an object", "[]", "invalid_body"],
  ])("%s → 400 %s", async (_label, body, code) => {
    const response = await api("/api/v1/dnc/check/batch", { method: "POST", key: team.readKey, body });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe(code);
  });
});

describe("GET /verify (Kakiyo's credential test)", () => {
  it("200 with Kakiyo's body for a valid key, read or write, on both path shapes", async () => {
    const team = await createTestTeam();
    for (const [path, key] of [
      ["/v1/verify", team.readKey],
      ["/api/v1/verify", team.writeKey],
    ] as const) {
      const response = await api(path, { key });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: "success", message: "API key is valid" });
    }
  });

  it("401 in the envelope without a key, with a wrong key, and for a dashboard session", async () => {
    const team = await createTestTeam();
    const owner = await signedInMember(team, "owner");
    for (const request of [
      {},
      { key: "dncsk_not-a-real-key-000000000000000000" },
      { headers: { cookie: owner.jar.header(), "x-dnc-team": team.slug } },
    ]) {
      const response = await api("/v1/verify", request);
      expect(response.status).toBe(401);
      expect(response.body.error).toBe("unauthorized");
    }
  });
});

type Change = { cursor: string; type: "added" | "removed" | "restored"; $id: string; url: string; at: string };

/** Follows the feed from `cursor` until an empty page; returns the changes and where to go on from. */
async function follow(team: TestTeam, cursor?: string, limit = 3) {
  const changes: Change[] = [];
  for (;;) {
    const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
    const response = await api(`/v1/dnc/changes?${query}`, { key: team.readKey });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    changes.push(...response.body.data.changes);
    cursor = response.body.data.nextCursor;
    if (response.body.data.changes.length === 0) return { changes, cursor: cursor! };
  }
}

describe("GET /dnc/changes", () => {
  it("every addition, removal and restore in commit order; a mirror built from it equals the list", async () => {
    const team = await createTestTeam();
    const write = (path: string, method: string, body?: unknown) => api(path, { method, key: team.writeKey, body });
    const a = (await write("/api/v1/dnc", "POST", { url: uniqueProfileUrl("feed") })).body.data;
    const batch = (
      await write("/api/v1/dnc/batch", "POST", { entries: [{ url: uniqueProfileUrl("feed") }, { url: uniqueProfileUrl("feed") }] })
    ).body.data.details;
    await write(`/api/v1/dnc/${a.$id}`, "DELETE");
    const { changes, cursor } = await follow(team);
    expect(changes.map((change) => [change.type, change.$id])).toEqual([
      ["added", a.$id],
      ["added", batch[0].$id],
      ["added", batch[1].$id],
      ["removed", a.$id],
    ]);
    expect(changes[0]).toMatchObject({ url: a.url, at: a.$createdAt });

    await write(`/api/v1/dnc/${a.$id}/restore`, "POST");
    await write(`/api/v1/dnc/${batch[1].$id}`, "DELETE");
    const next = await follow(team, cursor);
    expect(next.changes.map((change) => [change.type, change.$id])).toEqual([
      ["restored", a.$id],
      ["removed", batch[1].$id],
    ]);

    const mirror = new Map<string, string>();
    for (const change of [...changes, ...next.changes]) {
      if (change.type === "removed") mirror.delete(change.$id);
      else mirror.set(change.$id, change.url);
    }
    const list = (await api("/api/v1/dnc?limit=1000", { key: team.readKey })).body.data.entries as { $id: string; url: string }[];
    expect([...mirror].sort()).toEqual(list.map((entry) => [entry.$id, entry.url]).sort());

    // Resuming from a change's own cursor gives what came after it.
    const resumed = await follow(team, changes[1]!.cursor, 100);
    expect(resumed.changes.map((change) => change.$id)).toEqual([batch[1].$id, a.$id, a.$id, batch[1].$id]);
  });

  it("400 invalid_cursor for a cursor it did not give this team: edited, truncated, garbled, another team's; a genuine one works", async () => {
    const team = await createTestTeam();
    const other = await createTestTeam();
    await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("feed") } });
    await api("/api/v1/dnc", { method: "POST", key: other.writeKey, body: { url: uniqueProfileUrl("feed") } });
    const { cursor } = await follow(team);
    const theirs = (await follow(other)).cursor;

    const [version, after, issuedAt, mac] = Buffer.from(cursor, "base64url").toString().split(".") as [string, string, string, string];
    const edited = (fields: Record<number, string>) =>
      Buffer.from(Object.assign([version, after, issuedAt, mac], fields).join(".")).toString("base64url");
    const DAY = 24 * 60 * 60 * 1000;
    const forged = {
      "another team's cursor": theirs,
      "position moved back": edited({ 1: String(Number(after) - 1) }),
      "position moved on": edited({ 1: String(Number(after) + 1) }),
      "issue time in the past": edited({ 2: String(Number(issuedAt) - DAY) }),
      "issue time long past": edited({ 2: String(Number(issuedAt) - 91 * DAY) }),
      "issue time in the future": edited({ 2: String(Date.now() + 3650 * DAY) }),
      "another team's signature": edited({ 3: Buffer.from(theirs, "base64url").toString().split(".")[3]! }),
      "no signature": edited({ 3: "" }),
      "unsigned first version": Buffer.from(`1.${after}.${issuedAt}.abcdefgh`).toString("base64url"),
      "signed with another secret": encodeChangeFeedCursor({ after: Number(after), issuedAt: Number(issuedAt) }, team.id, "not the secret"),
      truncated: cursor.slice(0, -2),
      "cut in half": cursor.slice(0, cursor.length / 2),
      "one character changed": cursor.slice(0, 10) + (cursor[10] === "A" ? "B" : "A") + cursor.slice(11),
      "with a stray character": `${cursor}!`,
      garbage: "not-a-cursor",
    };
    for (const [what, bad] of Object.entries(forged)) {
      const response = await api(`/api/v1/dnc/changes?cursor=${encodeURIComponent(bad)}`, { key: team.readKey });
      expect([response.status, response.body.error], what).toEqual([400, "invalid_cursor"]);
      expect(response.body.message, what).toEqual(expect.any(String));
    }

    const genuine = await api(`/api/v1/dnc/changes?cursor=${cursor}`, { key: team.readKey });
    expect(genuine.status).toBe(200);
    expect(genuine.body.data.changes).toEqual([]);
    expect((await api(`/api/v1/dnc/changes?cursor=${theirs}`, { key: other.readKey })).status).toBe(200);
  });

  it("400 for a bad limit", async () => {
    const team = await createTestTeam();
    for (const limit of ["0", "1001", "x"]) {
      expect((await api(`/api/v1/dnc/changes?limit=${limit}`, { key: team.readKey })).body.error).toBe("invalid_pagination");
    }
  });
});

describe("GET /dnc/changes on a server whose secret the test knows", () => {
  const secret = randomBytes(32).toString("base64url");
  const server = useExtraServer({ NEXTAUTH_SECRET: secret });
  const DAY = 24 * 60 * 60 * 1000;

  it("410 cursor_expired for an authentic cursor older than the restore window; one from a server with another secret is 400", async () => {
    const team = await createTestTeam();
    const entry = (await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("feed") } })).body.data;
    const read = (cursor: string) => api(`/api/v1/dnc/changes?cursor=${cursor}`, { key: team.readKey, baseUrl: server.baseUrl() });

    const fresh = await read(encodeChangeFeedCursor({ after: 0, issuedAt: Date.now() - DAY }, team.id, secret));
    expect(fresh.status).toBe(200);
    expect(fresh.body.data.changes.map((change: Change) => change.$id)).toEqual([entry.$id]);

    const expired = await read(encodeChangeFeedCursor({ after: 0, issuedAt: Date.now() - 91 * DAY }, team.id, secret));
    expect([expired.status, expired.body.error]).toEqual([410, "cursor_expired"]);

    const fromTheSharedServer = (await follow(team)).cursor;
    expect((await read(fromTheSharedServer)).body.error).toBe("invalid_cursor");
    expect((await read(fresh.body.data.nextCursor)).status).toBe(200);
  });
});
