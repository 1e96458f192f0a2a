import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { toCsv } from "@/components/api-client/csv";
import { AUDIT_CSV_COLUMNS, auditCsvRow } from "@/lib/audit/audit-csv";
import { api } from "../support/api";
import { createTestTeam, runApiKeyCli, type TestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";
import { signedInMember, type TestMember } from "../support/session";

const run = promisify(execFile);

/** A request as the dashboard sends it for a team. */
function asMember(member: TestMember, team: { slug: string }, init: { method?: string; body?: unknown } = {}) {
  return {
    method: init.method ?? "GET",
    body: init.body,
    headers: { cookie: member.jar.header(), "x-dnc-team": team.slug, origin: inject("baseUrl") },
  };
}

async function add(team: TestTeam, url = uniqueProfileUrl(), note?: string) {
  const response = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url, ...(note ? { note } : {}) } });
  expect(response.status).toBe(201);
  return response.body.data;
}

async function remove(team: TestTeam, id: string, reason?: string) {
  const response = await api(`/api/v1/dnc/${id}`, { method: "DELETE", key: team.writeKey, body: reason ? { reason } : undefined });
  expect(response.status).toBe(200);
}

async function verify(team: TestTeam) {
  const response = await api("/api/v1/audit/verify", { key: team.readKey });
  expect(response.status).toBe(200);
  return response.body.data;
}

/** `npm run audit -- <args>` as an operator runs it: another process, the servers' database. */
async function auditCli(args: string[]) {
  try {
    const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "scripts/audit.ts", ...args], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), REDIS_URL: inject("redisUrl") },
    });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: `${failed.stdout}${failed.stderr}` };
  }
}

const KEY_AUTHOR = /^test write \(key:dncsk_\w+\)$/;

describe("provenance on every entry", () => {
  let team: TestTeam;
  let owner: TestMember;
  beforeAll(async () => {
    team = await createTestTeam();
    owner = await signedInMember(team, "owner");
  });

  it("an entry says who added it, from where and why, through every way in", async () => {
    const byKey = await add(team, uniqueProfileUrl(), "asked by email on 2026-11-02");
    expect(byKey).toMatchObject({ source: "api", sourceFile: null, note: "asked by email on 2026-11-02" });
    expect(byKey.createdBy).toMatch(KEY_AUTHOR);

    const byOwner = await api("/api/v1/dnc", asMember(owner, team, { method: "POST", body: { url: uniqueProfileUrl() } }));
    expect(byOwner.status).toBe(201);
    expect(byOwner.body.data).toMatchObject({ createdBy: owner.email, source: "dashboard", note: null });

    const batch = await api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body: { entries: [{ url: uniqueProfileUrl() }] } });
    const imported = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: { entries: [{ url: uniqueProfileUrl() }, { url: uniqueProfileUrl() }], importFile: "opt-outs november.csv" },
    });
    expect(imported.status).toBe(201);
    const check = async (id: string) => {
      const db = await testDb();
      return db.dncEntry.findUniqueOrThrow({ where: { id } });
    };
    expect(await check(batch.body.data.details[0].$id)).toMatchObject({ source: "batch", sourceFile: null });
    expect(await check(imported.body.data.details[1].$id)).toMatchObject({ source: "import", sourceFile: "opt-outs november.csv" });

    const listed = await api(`/api/v1/dnc/check?url=${encodeURIComponent(byKey.url)}`, { key: team.readKey });
    expect(listed.body.data.entry).toEqual(byKey);
    const importEvents = await api("/api/v1/audit?action=dnc.batch_added&limit=10", { key: team.readKey });
    expect(
      importEvents.body.data.events.filter((event: { sourceFile: string | null }) => event.sourceFile === "opt-outs november.csv"),
    ).toHaveLength(2);
  });

  it("a batch entry's note is stored and audited as POST /dnc's is: trimmed, blank as none, too long refused", async () => {
    const [noted, blank, plain] = [uniqueProfileUrl("noted"), uniqueProfileUrl("blank"), uniqueProfileUrl("plain")];
    const response = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: {
        entries: [{ url: noted, note: "  asked on the phone  " }, { url: blank, note: "   " }, { url: plain }],
        importFile: "notes.csv",
      },
    });
    expect(response.status).toBe(201);
    const [withNote, withBlank, without] = response.body.data.details.map((detail: { $id: string }) => detail.$id);
    const listed = async (url: string) =>
      (await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey })).body.data.entry;
    expect(await listed(noted)).toMatchObject({ $id: withNote, note: "asked on the phone", source: "import", sourceFile: "notes.csv" });
    expect(await listed(blank)).toMatchObject({ $id: withBlank, note: null });
    expect(await listed(plain)).toMatchObject({ $id: without, note: null });
    const events = (await api("/api/v1/audit?action=dnc.batch_added&limit=50", { key: team.readKey })).body.data.events;
    const reasonOf = (id: string) => events.find((event: { targetId: string }) => event.targetId === id)?.reason;
    expect([reasonOf(withNote), reasonOf(withBlank), reasonOf(without)]).toEqual(["asked on the phone", null, null]);

    const tooLong = uniqueProfileUrl("too-long");
    const refused = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: { entries: [{ url: uniqueProfileUrl() }, { url: tooLong, note: "x".repeat(501) }] },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe("invalid_note");
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(tooLong)}`, { key: team.readKey })).body.data.onList).toBe(false);
  });

  it("400 for a bad import file name, nothing stored", async () => {
    const url = uniqueProfileUrl();
    for (const importFile of ["", "x".repeat(256), 42]) {
      const response = await api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body: { entries: [{ url }], importFile } });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe("invalid_import_file");
    }
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey })).body.data.onList).toBe(false);
  });
});

describe("list filters: source, author, creation dates, with q and order", () => {
  let team: TestTeam;
  let owner: TestMember;
  const ids: Record<string, string[]> = { api: [], dashboard: [], import: [] };
  let middle: string;
  beforeAll(async () => {
    team = await createTestTeam();
    owner = await signedInMember(team, "owner");
    for (let i = 0; i < 3; i += 1) ids.api!.push((await add(team, uniqueProfileUrl("filter-api"))).$id);
    await new Promise((resolve) => setTimeout(resolve, 20));
    middle = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    for (let i = 0; i < 2; i += 1) {
      const response = await api("/api/v1/dnc", asMember(owner, team, { method: "POST", body: { url: uniqueProfileUrl("filter-dash") } }));
      ids.dashboard!.push(response.body.data.$id);
    }
    const imported = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: { entries: [{ url: uniqueProfileUrl("filter-imp") }], importFile: "list.csv" },
    });
    ids.import!.push(imported.body.data.details[0].$id);
  });

  const list = async (query: string) => {
    const response = await api(`/api/v1/dnc?${query}`, { key: team.readKey });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body.data as { entries: { $id: string }[]; total: number };
  };
  const idsOf = (page: { entries: { $id: string }[] }) => page.entries.map((entry) => entry.$id);

  it("each filter alone, newest first, with its total", async () => {
    expect(idsOf(await list("source=api"))).toEqual([...ids.api!].reverse());
    expect((await list("source=dashboard,import")).total).toBe(3);
    expect((await list("source=dashboard&source=import")).total).toBe(3);
    expect(idsOf(await list(`createdBy=${encodeURIComponent(owner.email)}`))).toEqual([...ids.dashboard!].reverse());
    expect(idsOf(await list(`createdBefore=${encodeURIComponent(middle)}`))).toEqual([...ids.api!].reverse());
    expect((await list(`createdAfter=${encodeURIComponent(middle)}`)).total).toBe(3);
    expect((await list("createdAfter=2000-01-01&createdBefore=2000-01-02")).total).toBe(0);
  });

  it("filters combine with each other, with q and with order", async () => {
    const page = await list(`source=api,dashboard&createdAfter=${encodeURIComponent(middle)}&order=asc`);
    expect(idsOf(page)).toEqual(ids.dashboard);
    expect((await list("q=filter-imp&source=import")).total).toBe(1);
    expect((await list("q=filter-imp&source=api")).total).toBe(0);
    const keyAuthor = (await list("source=api&limit=1")).entries[0] as unknown as { createdBy: string };
    expect((await list(`createdBy=${encodeURIComponent(keyAuthor.createdBy)}&createdBy=${encodeURIComponent(owner.email)}`)).total).toBe(6);
  });

  it("sorts by URL in either order, with filters", async () => {
    const ascending = await list("sort=url&order=asc&source=api,dashboard");
    const urls = ascending.entries.map((entry) => (entry as unknown as { url: string }).url);
    expect(urls).toEqual([...urls].sort());
    expect(urls).toHaveLength(5);
    expect(idsOf(await list("sort=url&order=desc&source=api,dashboard"))).toEqual(idsOf(ascending).reverse());
    expect((await list("sort=url&offset=4&limit=2&source=api,dashboard")).entries.map((e) => e.$id)).toEqual(
      idsOf(ascending).reverse().slice(4),
    );
  });

  it("facets count each source and author", async () => {
    const response = await api("/api/v1/dnc/facets", { key: team.readKey });
    expect(response.status).toBe(200);
    expect(response.body.data.source).toEqual([
      { value: "api", count: 3 },
      { value: "dashboard", count: 2 },
      { value: "import", count: 1 },
    ]);
    expect(response.body.data.createdBy).toEqual([
      { value: expect.stringMatching(KEY_AUTHOR), count: 4 },
      { value: owner.email, count: 2 },
    ]);
  });

  it.each([
    ["source=phone", "invalid_query"],
    ["source=", "invalid_query"],
    ["createdAfter=yesterday", "invalid_query"],
    ["createdBefore=2026-13-01", "invalid_query"],
    [`createdBy=${"x".repeat(401)}`, "invalid_query"],
    ["limit=1&limit=2", "invalid_pagination"],
    ["sort=name", "invalid_query"],
  ])("400 for %s", async (query, code) => {
    const response = await api(`/api/v1/dnc?${query}`, { key: team.readKey });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe(code);
  });
});

describe("a profile's history, restore of removed entries", () => {
  let team: TestTeam;
  let other: TestTeam;
  beforeAll(async () => {
    team = await createTestTeam();
    other = await createTestTeam();
  });

  it("restore brings the entry back as it was, and the history shows every step in any spelling", async () => {
    const url = uniqueProfileUrl("history");
    const original = await add(team, url, "opted out by phone");
    await remove(team, original.$id, "added by mistake");
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey })).body.data.onList).toBe(false);

    const removed = await api(`/api/v1/dnc/removed?q=${encodeURIComponent(url.split("/in/")[1]!)}`, { key: team.readKey });
    expect(removed.body.data.total).toBe(1);
    const [record] = removed.body.data.entries;
    expect(record).toMatchObject({ $id: original.$id, url: original.url, note: "opted out by phone", reason: "added by mistake" });
    expect(record.removedBy).toMatch(/^key:/);
    expect(Date.parse(record.restorableUntil) - Date.parse(record.removedAt)).toBe(90 * 24 * 60 * 60 * 1000);

    const restored = await api(`/api/v1/dnc/${original.$id}/restore`, {
      method: "POST",
      key: team.writeKey,
      body: { reason: "removed the wrong one" },
    });
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ error: null, message: "DNC entry restored" });
    const { $updatedAt: _before, ...kept } = original;
    expect(restored.body.data).toMatchObject(kept);
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey })).body.data.entry.$id).toBe(original.$id);
    expect((await api(`/api/v1/dnc/removed`, { key: team.readKey })).body.data.total).toBe(0);

    await remove(team, original.$id, "customer asked again to be contacted");
    const spelling = url.replace("https://www.", "http://").toUpperCase().replace("HTTP://", "http://") + "/?trk=x";
    const history = await api(`/api/v1/audit?url=${encodeURIComponent(spelling)}&order=asc`, { key: team.readKey });
    expect(history.status).toBe(200);
    const events = history.body.data.events as {
      $id: string;
      action: string;
      reason: string | null;
      undoes: string | null;
      actor: string;
    }[];
    expect(events.map((event) => [event.action, event.reason])).toEqual([
      ["dnc.added", "opted out by phone"],
      ["dnc.deleted", "added by mistake"],
      ["dnc.restored", "removed the wrong one"],
      ["dnc.deleted", "customer asked again to be contacted"],
    ]);
    expect(events[2]!.undoes).toBe(events[1]!.$id);
    expect(events.every((event) => /^key:/.test(event.actor))).toBe(true);
    expect((await api(`/api/v1/audit?url=${encodeURIComponent(url)}`, { key: other.readKey })).body.data.total).toBe(0);
  });

  it("404 for an id the team never had, another team's removed entry, or a removal past the window; 409 when listed again", async () => {
    const theirs = await add(other);
    await remove(other, theirs.$id);
    for (const id of ["dnc_AAAAAAAAAAAAAAAAAAAA", theirs.$id, "not-an-id"]) {
      const response = await api(`/api/v1/dnc/${id}/restore`, { method: "POST", key: team.writeKey });
      expect(response.status).toBe(404);
      expect(response.body.error).toBe("dnc_not_found");
    }
    expect((await api(`/api/v1/dnc/removed`, { key: other.readKey })).body.data.entries[0].$id).toBe(theirs.$id);

    const mine = await add(team);
    const response = await api(`/api/v1/dnc/${mine.$id}/restore`, { method: "POST", key: team.writeKey });
    expect(response.status).toBe(409);
    expect(response.body.error).toBe("dnc_exists");

    await remove(team, mine.$id);
    const again = await add(team, mine.url);
    const clash = await api(`/api/v1/dnc/${mine.$id}/restore?reason=undo`, { method: "POST", key: team.writeKey });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toBe("dnc_exists");
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(mine.url)}`, { key: team.readKey })).body.data.entry.$id).toBe(again.$id);

    const old = await add(team);
    await remove(team, old.$id);
    const db = await testDb();
    await db.removedEntry.update({ where: { id: old.$id }, data: { removedAt: new Date(Date.now() - 91 * 24 * 60 * 60 * 1000) } });
    expect((await api(`/api/v1/dnc/${old.$id}/restore`, { method: "POST", key: team.writeKey })).status).toBe(404);
    const listed = await api(`/api/v1/dnc/removed?limit=1000`, { key: team.readKey });
    expect(listed.body.data.entries.map((entry: { $id: string }) => entry.$id)).not.toContain(old.$id);
  });

  it("a read key may not restore; a bad reason is 400; nothing changes", async () => {
    const entry = await add(team);
    await remove(team, entry.$id);
    expect((await api(`/api/v1/dnc/${entry.$id}/restore`, { method: "POST", key: team.readKey })).status).toBe(403);
    const bad = await api(`/api/v1/dnc/${entry.$id}/restore`, { method: "POST", key: team.writeKey, body: { reason: "x".repeat(501) } });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("invalid_reason");
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(entry.url)}`, { key: team.readKey })).body.data.onList).toBe(false);
  });

  it("400 invalid_url for a history of something that is not a profile URL", async () => {
    const response = await api(`/api/v1/audit?url=${encodeURIComponent("https://example.com/in/x")}`, { key: team.readKey });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_url");
  });
});

describe("tamper-evident audit trail", () => {
  it("the chain holds under concurrent writers, the server and another process, and the CLI says OK", async () => {
    const team = await createTestTeam();
    const entries = await Promise.all(Array.from({ length: 12 }, () => add(team)));
    const [, , , , , , batch] = await Promise.all([
      ...entries.slice(0, 6).map((entry) => remove(team, entry.$id, "parallel")),
      api("/api/v1/dnc/batch", {
        method: "POST",
        key: team.writeKey,
        body: { entries: Array.from({ length: 150 }, () => ({ url: uniqueProfileUrl() })) },
      }),
      run("npx", ["tsx", "--conditions=react-server", "scripts/apikey.ts", "create", "--team", team.slug, "--scope", "read"], {
        cwd: path.resolve(__dirname, "../.."),
        env: { ...process.env, DATABASE_URL: inject("databaseUrl"), REDIS_URL: inject("redisUrl") },
      }),
    ]);
    expect(batch).toMatchObject({ status: 201, body: { data: { added: 150 } } });
    const restores = await Promise.all(
      entries.slice(0, 6).map((entry) => api(`/api/v1/dnc/${entry.$id}/restore`, { method: "POST", key: team.writeKey })),
    );
    expect(restores.map((response) => response.status)).toEqual(Array(6).fill(201));
    // 2 keys + 12 adds + 6 removals + 150 batch rows + 1 key by the CLI + 6 restores
    const expected = 2 + 12 + 6 + 150 + 1 + 6;
    const verdict = await verify(team);
    expect(verdict).toMatchObject({ ok: true, checked: expected, head: { sequence: expected } });
    expect(verdict.message).toMatch(new RegExp(`^OK: ${expected} events checked`));

    const cli = await auditCli(["verify", "--team", team.slug]);
    expect(cli.code).toBe(0);
    expect(cli.stdout).toContain(`${team.slug}: OK: ${expected} events checked`);
  });

  it("names the first event where the chain breaks: edited, deleted, or inserted in the database", async () => {
    const db = await testDb();
    const events = async (teamId: string) => db.auditEvent.findMany({ where: { teamId }, orderBy: { sequence: "asc" } });

    const edited = await createTestTeam();
    for (let i = 0; i < 3; i += 1) await add(edited);
    const [, , third] = await events(edited.id);
    await db.auditEvent.update({ where: { id: third!.id }, data: { actor: "someone-else@example.test" } });
    const editedVerdict = await verify(edited);
    expect(editedVerdict).toMatchObject({ ok: false, checked: 2, break: { eventId: third!.id, sequence: 3 } });
    expect(editedVerdict.message).toContain("edited");
    const cli = await auditCli(["verify", "--team", edited.slug]);
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN at event ${third!.id} (#3)`);

    const deleted = await createTestTeam();
    for (let i = 0; i < 3; i += 1) await add(deleted);
    const [, second, afterGap] = await events(deleted.id);
    await db.auditEvent.delete({ where: { id: second!.id } });
    expect(await verify(deleted)).toMatchObject({
      ok: false,
      checked: 1,
      break: { eventId: afterGap!.id, problem: expect.stringContaining("missing") },
    });

    const inserted = await createTestTeam();
    await add(inserted);
    await db.auditEvent.create({
      data: { id: "evt_forged000000000000", teamId: inserted.id, action: "dnc.deleted", actor: "nobody", createdAt: new Date() },
    });
    expect(await verify(inserted)).toMatchObject({ ok: false, checked: 3, break: { eventId: "evt_forged000000000000", sequence: null } });
  });

  it("a trail written before the chain existed is sealed in its order on first use, then verifies", async () => {
    const { createTeam } = await import("@/lib/teams/create-team");
    const { createApiKey } = await import("@/lib/api-keys/create-api-key");
    const team = await createTeam({ name: "Before the chain", slug: `legacy-${Date.now()}` });
    const db = await testDb();
    const at = (minutes: number) => new Date(Date.UTC(2026, 5, 1, 12, minutes));
    await db.auditEvent.createMany({
      data: [
        { id: "evt_legacy_b", teamId: team.id, action: "dnc.deleted", actor: "old@example.test", reason: "old", createdAt: at(2) },
        { id: "evt_legacy_a", teamId: team.id, action: "dnc.added", actor: "old@example.test", createdAt: at(1) },
        { id: "evt_legacy_c", teamId: team.id, action: "apikey.created", actor: "cli", createdAt: at(3) },
      ],
    });
    const key = await createApiKey({ teamId: team.id, name: "reader", scope: "read", actor: "test" });
    const events = await db.auditEvent.findMany({ where: { teamId: team.id }, orderBy: { sequence: "asc" } });
    expect(events.map((event) => [event.sequence, event.id])).toEqual([
      [1, "evt_legacy_a"],
      [2, "evt_legacy_b"],
      [3, "evt_legacy_c"],
      [4, expect.stringMatching(/^evt_/)],
    ]);
    const verdict = await api("/api/v1/audit/verify", { key: key.key });
    expect(verdict.body.data).toMatchObject({ ok: true, checked: 4 });
  });

  it("the CSV export carries the hashes, and the CLI checks an exported file", async () => {
    const team = await createTestTeam();
    const entry = await add(team, uniqueProfileUrl(), "=HYPERLINK(\"x\") 'quoted'");
    await remove(team, entry.$id, "-minus, @at, 'quote");
    const page = await api("/api/v1/audit?limit=1000", { key: team.readKey });
    const csv = toCsv(page.body.data.events.map(auditCsvRow), [...AUDIT_CSV_COLUMNS]);
    const folder = await mkdtemp(path.join(tmpdir(), "audit-export-"));
    const file = path.join(folder, "audit.csv");
    await writeFile(file, csv);

    const ok = await auditCli(["verify", "--file", file]);
    expect(ok.stdout).toContain("OK: 4 events checked");
    expect(ok.code).toBe(0);

    await writeFile(file, (await readFile(file, "utf8")).replace("-minus", "-minus!"));
    const broken = await auditCli(["verify", "--file", file]);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/BROKEN at event evt_\w+ \(#4\): its content does not match its hash/);
  });
});

it("an API key revoked by the CLI, in another process, lands in the same chain", async () => {
  const team = await createTestTeam();
  const db = await testDb();
  const key = await db.apiKey.findFirstOrThrow({ where: { teamId: team.id, scope: "read" } });
  runApiKeyCli(["revoke", "--team", team.slug, "--id", key.id]);
  const verdict = await auditCli(["verify", "--team", team.slug]);
  expect(verdict.stdout).toContain(`${team.slug}: OK: 3 events checked`);
  const events = await db.auditEvent.findMany({ where: { teamId: team.id }, orderBy: { sequence: "asc" } });
  expect(events.map((event) => [event.sequence, event.action])).toEqual([
    [1, "apikey.created"],
    [2, "apikey.created"],
    [3, "apikey.revoked"],
  ]);
});
