import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, runApiKeyCli, testDb, uniqueProfileUrl } from "../support/fixtures";
import { signedInMember, signIn, signOut, TEST_PASSWORD, teamWithOwner } from "../support/session";

const [a, b] = inject("baseUrls") as [string, string];

const check = (baseUrl: string, key: string, url: string) => api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key, baseUrl });

describe("two instances sharing PostgreSQL and Redis", () => {
  it("60 concurrent writes spread over both → exactly 30 allowed across the pair", async () => {
    const team = await createTestTeam();
    const responses = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("pair") }, baseUrl: i % 2 ? a : b }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30);
    expect(responses.filter((r) => r.status === 429).every((r) => r.body.error === "rate_limit_exceeded" && r.body.resetTime > 0)).toBe(
      true,
    );
    expect((await api("/api/v1/dnc?limit=1", { key: team.readKey, baseUrl: b })).body.data.total).toBe(30);
  });

  it("a delete through A is seen by a check through B at once, even with B's positive answer cached", async () => {
    const team = await createTestTeam();
    const entry = (await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("seen") }, baseUrl: a }))
      .body.data;
    expect((await check(b, team.readKey, entry.url)).body.data.onList).toBe(true);
    expect((await check(b, team.readKey, entry.url)).body.data.onList).toBe(true);
    expect((await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey, baseUrl: a })).status).toBe(200);
    expect((await check(b, team.readKey, entry.url)).body).toEqual({ error: null, data: { onList: false } });
  });

  it("an add through B is seen by a check through A at once, even with A's negative answer cached", async () => {
    const team = await createTestTeam();
    const url = uniqueProfileUrl("added");
    expect((await check(a, team.readKey, url)).body.data).toEqual({ onList: false });
    const added = await api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body: { entries: [{ url }] }, baseUrl: b });
    expect(added.body.data.added).toBe(1);
    expect((await check(a, team.readKey, url)).body.data.onList).toBe(true);
    expect((await api("/api/v1/dnc", { key: team.readKey, baseUrl: a })).body.data.total).toBe(1);
  });

  it("the audit hash chain stays whole under concurrent writers on both instances; restores race to one 201", async () => {
    const team = await createTestTeam();
    const adds = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("chain") }, baseUrl: i % 2 ? a : b }),
      ),
    );
    expect(adds.map((r) => r.status)).toEqual(Array(24).fill(201));
    const batches = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        api("/api/v1/dnc/batch", {
          method: "POST",
          key: team.writeKey,
          body: { entries: Array.from({ length: 100 }, () => ({ url: uniqueProfileUrl("chain-batch") })) },
          baseUrl: i % 2 ? a : b,
        }),
      ),
    );
    expect(batches.map((r) => r.body.data?.added)).toEqual([100, 100, 100, 100]);
    const [first] = adds.map((r) => r.body.data.$id as string);
    expect((await api(`/api/v1/dnc/${first}`, { method: "DELETE", key: team.writeKey, baseUrl: a })).status).toBe(200);
    const restores = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        api(`/api/v1/dnc/${first}/restore`, { method: "POST", key: team.writeKey, baseUrl: i % 2 ? a : b }),
      ),
    );
    expect(restores.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);

    const expected = 2 + 24 + 400 + 1 + 1;
    for (const baseUrl of [a, b]) {
      const verdict = await api("/api/v1/audit/verify", { key: team.readKey, baseUrl });
      expect(verdict.body.data).toMatchObject({ ok: true, checked: expected, head: { sequence: expected } });
    }
  });

  it("a poller following the change feed through both instances, while both take writes, ends with an exact mirror", async () => {
    const team = await createTestTeam();
    const via = (i: number) => (i % 2 ? a : b);
    // The team's limits (30 writes, 10 batches, 60 reads per 5 s) pace this test as they would a real client.
    const paced = async (path: string, request: Parameters<typeof api>[1]) => {
      for (;;) {
        const response = await api(path, request);
        if (response.status !== 429) return response;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, response.body.resetTime - Date.now()) + 20));
      }
    };
    const write = (i: number, path: string, method: string, body?: unknown) =>
      paced(path, { method, key: team.writeKey, body, baseUrl: via(i) });

    const mirror = new Map<string, string>();
    const seen = new Set<string>();
    let cursor: string | undefined;
    let polls = 0;
    let writing = true;
    const poll = async () => {
      const query = new URLSearchParams({ limit: "7", ...(cursor ? { cursor } : {}) });
      const response = await paced(`/api/v1/dnc/changes?${query}`, { key: team.readKey, baseUrl: via(polls++) });
      expect(response.status).toBe(200);
      for (const change of response.body.data.changes as { cursor: string; type: string; $id: string; url: string }[]) {
        const position = Buffer.from(change.cursor, "base64url").toString().split(".")[1]!;
        expect(seen.has(position), `change ${position} delivered twice`).toBe(false);
        seen.add(position);
        if (change.type === "removed") mirror.delete(change.$id);
        else mirror.set(change.$id, change.url);
      }
      cursor = response.body.data.nextCursor;
      return response.body.data.changes.length;
    };
    const poller = (async () => {
      while (writing) {
        await poll();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const writers = Array.from({ length: 6 }, async (_, writer) => {
      for (let round = 0; round < 4; round += 1) {
        const added = await write(writer + round, "/api/v1/dnc", "POST", { url: uniqueProfileUrl(`feed-${writer}`) });
        expect(added.status).toBe(201);
        const batch = await write(writer + round + 1, "/api/v1/dnc/batch", "POST", {
          entries: Array.from({ length: 5 }, () => ({ url: uniqueProfileUrl(`feed-batch-${writer}`) })),
        });
        expect(batch.status).toBe(201);
        const removed = batch.body.data.details[round].$id;
        expect((await write(writer + round, `/api/v1/dnc/${removed}`, "DELETE")).status).toBe(200);
        if (round % 2 === 0) expect((await write(writer + round + 1, `/api/v1/dnc/${removed}/restore`, "POST")).status).toBe(201);
      }
    });
    await Promise.all(writers);
    writing = false;
    await poller;
    while ((await poll()) > 0);

    const list = (await paced("/api/v1/dnc?limit=1000", { key: team.readKey, baseUrl: a })).body.data.entries as {
      $id: string;
      url: string;
    }[];
    expect(list).toHaveLength(6 * 4 * (1 + 5 - 1) + 6 * 2);
    expect([...mirror].sort()).toEqual(list.map((entry) => [entry.$id, entry.url]).sort());
    const db = await testDb();
    const changesWritten = await db.auditEvent.count({
      where: { teamId: team.id, action: { in: ["dnc.added", "dnc.batch_added", "dnc.deleted", "dnc.restored"] } },
    });
    expect(seen.size).toBe(changesWritten);
    expect(polls).toBeGreaterThan(5);
  });

  it("concurrent deletes of one id through both → one 200 and one audit row", async () => {
    const team = await createTestTeam();
    const entry = (await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("race") }, baseUrl: a }))
      .body.data;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey, baseUrl: i % 2 ? a : b }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(404)]);
    const db = await testDb();
    expect(await db.auditEvent.count({ where: { targetId: entry.$id, action: "dnc.deleted" } })).toBe(1);
  });

  it("a dashboard session signed in on A is honoured by B (one shared NEXTAUTH_SECRET)", async () => {
    const { team, owner } = await teamWithOwner();
    const headers = { cookie: owner.jar.header(), "x-dnc-team": team.slug, origin: b };
    const added = await api("/api/v1/dnc", { method: "POST", body: { url: uniqueProfileUrl("session") }, headers, baseUrl: b });
    expect(added.status).toBe(201);
    const audit = await api("/api/v1/audit?action=dnc.added", { headers, baseUrl: a });
    expect(audit.body.data.events).toMatchObject([{ actor: owner.email, targetId: added.body.data.$id }]);
  });

  it("failed sign-ins count across instances: five wrong passwords spread over A and B lock the account on both", async () => {
    const team = await createTestTeam();
    const member = await signedInMember(team, "viewer");
    for (let i = 0; i < 5; i++) expect((await signIn(member.email, "wrong-password", i % 2 ? a : b)).error).toBe("CredentialsSignin");
    expect((await signIn(member.email, TEST_PASSWORD, a)).error).toMatch(/^too_many_attempts:\d+$/);
    expect((await signIn(member.email, TEST_PASSWORD, b)).error).toMatch(/^too_many_attempts:\d+$/);
  });

  it("40 wrong passwords at once, half on each instance: exactly 5 are checked in all", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const attempts = await Promise.all(Array.from({ length: 40 }, (_, i) => signIn(member.email, "wrong-password", i % 2 ? a : b)));
    const errors = attempts.map((attempt) => attempt.error);
    expect(errors.filter((error) => error === "CredentialsSignin")).toHaveLength(5);
    expect(errors.filter((error) => /^too_many_attempts:\d+$/.test(error ?? ""))).toHaveLength(35);
    expect((await signIn(member.email, TEST_PASSWORD, a)).error).toMatch(/^too_many_attempts:\d+$/);
  });

  it("sign-out on A ends the session on B too", async () => {
    const { team, owner } = await teamWithOwner();
    const stolen = owner.jar.header();
    const read = (baseUrl: string) => api("/api/v1/dnc", { headers: { cookie: stolen, "x-dnc-team": team.slug }, baseUrl });
    expect((await read(b)).status).toBe(200);
    await signOut(owner.jar, a);
    expect((await read(b)).status).toBe(401);
    expect((await read(a)).status).toBe(401);
  });

  it("a key cached on both instances is refused on both right after a revocation on one, or by the CLI", async () => {
    const { team, owner } = await teamWithOwner();
    const db = await testDb();
    const [write, read] = await Promise.all(
      ["write", "read"].map((scope) => db.apiKey.findFirstOrThrow({ where: { teamId: team.id, scope } })),
    );
    const use = (key: string, baseUrl: string) => api("/api/v1/dnc", { key, baseUrl });
    for (const baseUrl of [a, b, a, b]) {
      expect((await use(team.writeKey, baseUrl)).status).toBe(200);
      expect((await use(team.readKey, baseUrl)).status).toBe(200);
    }

    const headers = { cookie: owner.jar.header(), "x-dnc-team": team.slug, origin: b };
    expect((await api(`/api/v1/api-keys/${write!.id}`, { method: "DELETE", body: {}, headers, baseUrl: b })).status).toBe(200);
    expect((await use(team.writeKey, a)).status).toBe(401);
    expect((await use(team.writeKey, b)).status).toBe(401);

    runApiKeyCli(["revoke", "--team", team.slug, "--id", read!.id]);
    expect((await use(team.readKey, a)).status).toBe(401);
    expect((await use(team.readKey, b)).status).toBe(401);
  });

  it("both instances report PostgreSQL and Redis healthy", async () => {
    for (const baseUrl of [a, b]) {
      const health = await api("/api/health", { baseUrl });
      expect(health.body).toEqual({
        ok: true,
        status: "ok",
        database: { ok: true, engine: "postgresql" },
        redis: { configured: true, ok: true },
      });
    }
  });
});
