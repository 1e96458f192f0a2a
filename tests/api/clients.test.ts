import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { toCsv } from "@/components/api-client/csv";
import { AUDIT_CSV_COLUMNS, auditCsvRow } from "@/lib/audit/audit-csv";
import { newEntryId } from "@/lib/ids";
import { api, type ApiRequest } from "../support/api";
import { createTestTeam, type TestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";
import { type TestMember, teamWithOwner } from "../support/session";

/**
 * Agency clients (issue 18): CRUD over HTTP, every refusal, the move of a deleted client's entries,
 * client-bound keys and the audit trail they read. Entries reach a client's list through the
 * database here (the add path's client scoping lands separately); everything else is the API's.
 */

const run = promisify(execFile);

/** A request as the dashboard sends it for a team. */
function asMember(member: TestMember, team: { slug: string }, init: { method?: string; body?: unknown } = {}): ApiRequest {
  return {
    method: init.method ?? "GET",
    body: init.body,
    headers: { cookie: member.jar.header(), "x-dnc-team": team.slug, origin: inject("baseUrl") },
  };
}

/** `npm run <script> -- <args>` as an operator runs it, in another process; not blocking, so the server's keep-alive sockets stay usable. */
async function cli(script: "apikey" | "audit", args: string[]): Promise<string> {
  const { stdout } = await run("npx", ["tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), REDIS_URL: inject("redisUrl") },
  });
  return stdout;
}

async function createClient(team: TestTeam, name: string) {
  const response = await api("/api/v1/clients", { method: "POST", key: team.writeKey, body: { name } });
  expect(response.status).toBe(201);
  return response.body.data as { id: string; name: string };
}

async function addEntry(team: TestTeam, url = uniqueProfileUrl()) {
  const response = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url } });
  expect(response.status).toBe(201);
  return response.body.data as { $id: string; url: string };
}

/** Puts an entry and its aliases on a client's list, as the add path will when it names the client. */
async function placeOnClient(entryId: string, clientId: string) {
  const db = await testDb();
  await db.dncEntry.update({ where: { id: entryId }, data: { clientId } });
  await db.entryAlias.updateMany({ where: { entryId }, data: { clientId } });
}

/** An entry written straight to a list, for identifiers the add path would not let onto two lists yet. */
async function insertEntry(team: TestTeam, url: string, clientId: string) {
  const db = await testDb();
  const id = newEntryId();
  await db.dncEntry.create({ data: { id, teamId: team.id, url, clientId, createdBy: "test", source: "api", updatedAt: new Date() } });
  return id;
}

async function auditEvents(team: TestTeam, query = "") {
  const response = await api(`/api/v1/audit?limit=1000&order=asc${query}`, { key: team.readKey });
  expect(response.status).toBe(200);
  return response.body.data.events as {
    action: string;
    targetId: string | null;
    url: string | null;
    reason: string | null;
    clientId: string | null;
  }[];
}

async function expectChainWhole(team: TestTeam) {
  const verdict = await api("/api/v1/audit/verify", { key: team.readKey });
  expect(verdict.body.data).toMatchObject({ ok: true });
}

async function boundKey(team: TestTeam, owner: TestMember, clientId: string, scope: "read" | "write" = "write") {
  const response = await api("/api/v1/api-keys", asMember(owner, team, { method: "POST", body: { name: "client tool", scope, clientId } }));
  expect(response.status).toBe(201);
  return response.body.data as { id: string; key: string; clientId: string };
}

describe("client CRUD", () => {
  it("creates, lists by name with entry counts, renames, and audits each change", async () => {
    const { team, owner } = await teamWithOwner();
    const byKey = await api("/api/v1/clients", { method: "POST", key: team.writeKey, body: { name: "  Zeta Corp " } });
    expect(byKey.status).toBe(201);
    expect(byKey.body.data).toEqual({
      id: expect.stringMatching(/^cli_/),
      name: "Zeta Corp",
      createdAt: expect.any(String),
      createdBy: expect.stringMatching(/^key:/),
      entries: 0,
    });
    const bySession = await api("/api/v1/clients", asMember(owner, team, { method: "POST", body: { name: "Acme" } }));
    expect(bySession.status).toBe(201);
    expect(bySession.body.data.createdBy).toBe(owner.email);
    const acme = bySession.body.data;
    const entry = await addEntry(team);
    await placeOnClient(entry.$id, acme.id);

    const listed = await api("/api/v1/clients", { key: team.readKey });
    expect(listed.status).toBe(200);
    expect(listed.body.data.clients.map((c: { name: string; entries: number }) => [c.name, c.entries])).toEqual([
      ["Acme", 1],
      ["Zeta Corp", 0],
    ]);

    const renamed = await api(`/api/v1/clients/${acme.id}`, { method: "PATCH", key: team.writeKey, body: { name: "Acme Ltd" } });
    expect(renamed.status).toBe(200);
    expect(renamed.body.data).toMatchObject({ id: acme.id, name: "Acme Ltd", entries: 1 });
    const again = await api(`/api/v1/clients/${acme.id}`, { method: "PATCH", key: team.writeKey, body: { name: "Acme Ltd" } });
    expect(again.status).toBe(200);

    const events = await auditEvents(team, "&action=client.renamed");
    expect(events).toEqual([expect.objectContaining({ targetId: acme.id, clientId: acme.id, reason: '"Acme" → "Acme Ltd"' })]);
    expect(await auditEvents(team, "&action=client.created")).toHaveLength(2);
    await expectChainWhole(team);
  });

  it("refuses a duplicate name, an unknown or another team's client, and bad input, each with its code", async () => {
    const team = await createTestTeam();
    const other = await createTestTeam();
    const acme = await createClient(team, "Acme");
    const beta = await createClient(team, "Beta");
    const theirs = await createClient(other, "Theirs");
    const cases: [string, string, string, unknown, number, string][] = [
      ["a name the team has", "POST", "/api/v1/clients", { name: "Acme" }, 409, "client_exists"],
      ["another client's name", "PATCH", `/api/v1/clients/${beta.id}`, { name: "Acme" }, 409, "client_exists"],
      ["an unknown client", "PATCH", "/api/v1/clients/cli_NoSuchClient", { name: "X" }, 404, "client_not_found"],
      ["another team's client", "PATCH", `/api/v1/clients/${theirs.id}`, { name: "X" }, 404, "client_not_found"],
      ["a malformed id", "PATCH", "/api/v1/clients/nope", { name: "X" }, 404, "client_not_found"],
      ["an empty name", "POST", "/api/v1/clients", { name: "   " }, 400, "invalid_client_fields"],
      ["a long name", "POST", "/api/v1/clients", { name: "x".repeat(101) }, 400, "invalid_client_fields"],
      ["no name", "POST", "/api/v1/clients", {}, 400, "invalid_client_fields"],
      ["a name that is no string", "PATCH", `/api/v1/clients/${acme.id}`, { name: 7 }, 400, "invalid_client_fields"],
      ["a body that is no object", "POST", "/api/v1/clients", ["Acme"], 400, "invalid_body"],
      ["deleting another team's client", "DELETE", `/api/v1/clients/${theirs.id}`, undefined, 404, "client_not_found"],
      ["moving to itself", "DELETE", `/api/v1/clients/${acme.id}?moveEntriesTo=${acme.id}`, undefined, 400, "invalid_client"],
      ["moving to no client", "DELETE", `/api/v1/clients/${acme.id}?moveEntriesTo=cli_Nobody`, undefined, 404, "client_not_found"],
      ["moving to another team's", "DELETE", `/api/v1/clients/${acme.id}?moveEntriesTo=${theirs.id}`, undefined, 404, "client_not_found"],
      ["moving to a malformed list", "DELETE", `/api/v1/clients/${acme.id}?moveEntriesTo=everyone`, undefined, 400, "invalid_client"],
    ];
    for (const [label, method, url, body, status, error] of cases) {
      const response = await api(url, { method, key: team.writeKey, body });
      expect({ label, status: response.status, error: response.body.error }).toEqual({ label, status, error });
      expect(response.body.message).toEqual(expect.any(String));
    }
    const names = (await api("/api/v1/clients", { key: team.readKey })).body.data.clients.map((c: { name: string }) => c.name);
    expect(names).toEqual(["Acme", "Beta"]);
    expect((await api("/api/v1/clients", { key: other.readKey })).body.data.clients).toHaveLength(1);
  });

  it("two creations of one name at once: one wins, the other is 409 client_exists", async () => {
    const team = await createTestTeam();
    const responses = await Promise.all(
      [1, 2, 3].map(() => api("/api/v1/clients", { method: "POST", key: team.writeKey, body: { name: "Race" } })),
    );
    expect(responses.map((response) => response.status).sort()).toEqual([201, 409, 409]);
    expect(await auditEvents(team, "&action=client.created")).toHaveLength(1);
    await expectChainWhole(team);
  });
});

describe("deleting a client", () => {
  it("is refused while a key is bound to it, and allowed once the key is revoked", async () => {
    const { team, owner } = await teamWithOwner();
    const acme = await createClient(team, "Acme");
    const key = await boundKey(team, owner, acme.id);
    const refused = await api(`/api/v1/clients/${acme.id}`, { method: "DELETE", key: team.writeKey });
    expect([refused.status, refused.body.error]).toEqual([409, "client_has_keys"]);
    expect((await api(`/api/v1/api-keys/${key.id}`, asMember(owner, team, { method: "DELETE", body: {} }))).status).toBe(200);
    const deleted = await api(`/api/v1/clients/${acme.id}`, { method: "DELETE", key: team.writeKey });
    expect([deleted.status, deleted.body.data]).toEqual([200, { message: "Client deleted", moved: 0 }]);
    expect((await api("/api/v1/clients", { key: team.readKey })).body.data.clients).toEqual([]);
    expect(await auditEvents(team, "&action=client.deleted")).toEqual([expect.objectContaining({ targetId: acme.id, reason: '"Acme"' })]);
  });

  it("is refused while it has entries, unless moveEntriesTo says where they go", async () => {
    const team = await createTestTeam();
    const acme = await createClient(team, "Acme");
    const entry = await addEntry(team);
    await placeOnClient(entry.$id, acme.id);
    const refused = await api(`/api/v1/clients/${acme.id}`, { method: "DELETE", key: team.writeKey });
    expect([refused.status, refused.body.error]).toEqual([409, "client_has_entries"]);
    expect((await api("/api/v1/clients", { key: team.readKey })).body.data.clients).toHaveLength(1);
  });

  it("moves entries, their aliases and removed entries to another client in one audited write", async () => {
    const team = await createTestTeam();
    const acme = await createClient(team, "Acme");
    const beta = await createClient(team, "Beta");
    const first = await addEntry(team);
    const second = await addEntry(team);
    const alias = await api(`/api/v1/dnc/${first.$id}/aliases`, {
      method: "POST",
      key: team.writeKey,
      body: { url: uniqueProfileUrl("alias") },
    });
    expect(alias.status).toBe(201);
    const gone = await addEntry(team);
    expect((await api(`/api/v1/dnc/${gone.$id}`, { method: "DELETE", key: team.writeKey })).status).toBe(200);
    for (const id of [first.$id, second.$id]) await placeOnClient(id, acme.id);
    const db = await testDb();
    await db.removedEntry.update({ where: { id: gone.$id }, data: { clientId: acme.id } });

    const deleted = await api(`/api/v1/clients/${acme.id}?moveEntriesTo=${beta.id}`, { method: "DELETE", key: team.writeKey });
    expect([deleted.status, deleted.body.data]).toEqual([200, { message: "Client deleted", moved: 2 }]);

    const entries = await db.dncEntry.findMany({ where: { teamId: team.id }, select: { id: true, clientId: true } });
    expect(entries.map((e) => e.clientId)).toEqual([beta.id, beta.id]);
    expect(await db.entryAlias.findMany({ where: { teamId: team.id }, select: { clientId: true } })).toEqual([{ clientId: beta.id }]);
    expect(await db.removedEntry.findUnique({ where: { id: gone.$id }, select: { clientId: true } })).toEqual({ clientId: beta.id });
    expect((await api("/api/v1/clients", { key: team.readKey })).body.data.clients).toEqual([
      expect.objectContaining({ id: beta.id, entries: 2 }),
    ]);

    const deletedEvents = await auditEvents(team, "&action=client.deleted");
    expect(deletedEvents).toEqual([
      expect.objectContaining({ targetId: acme.id, clientId: acme.id, reason: `"Acme"; 2 entries moved to "Beta" (${beta.id})` }),
    ]);
    const moves = await auditEvents(team, "&action=dnc.updated");
    expect(moves.map((event) => [event.targetId, event.url, event.clientId, JSON.parse(event.reason!)]).sort()).toEqual(
      [first, second].map((entry) => [entry.$id, entry.url, beta.id, { clientId: { from: acme.id, to: beta.id } }]).sort(),
    );
    await expectChainWhole(team);
  });

  it("moves to the global list; without moveEntriesTo a client's removed entries go there too", async () => {
    const team = await createTestTeam();
    const acme = await createClient(team, "Acme");
    const entry = await addEntry(team);
    await placeOnClient(entry.$id, acme.id);
    const moved = await api(`/api/v1/clients/${acme.id}?moveEntriesTo=global`, { method: "DELETE", key: team.writeKey });
    expect([moved.status, moved.body.data.moved]).toEqual([200, 1]);
    const db = await testDb();
    expect(await db.dncEntry.findUnique({ where: { id: entry.$id }, select: { clientId: true } })).toEqual({ clientId: "" });
    const [event] = await auditEvents(team, "&action=dnc.updated");
    expect(event).toMatchObject({ targetId: entry.$id, clientId: null, reason: JSON.stringify({ clientId: { from: acme.id, to: null } }) });

    const beta = await createClient(team, "Beta");
    const gone = await addEntry(team);
    expect((await api(`/api/v1/dnc/${gone.$id}`, { method: "DELETE", key: team.writeKey })).status).toBe(200);
    await db.removedEntry.update({ where: { id: gone.$id }, data: { clientId: beta.id } });
    const deleted = await api(`/api/v1/clients/${beta.id}`, { method: "DELETE", key: team.writeKey });
    expect([deleted.status, deleted.body.data.moved]).toEqual([200, 0]);
    expect(await db.removedEntry.findUnique({ where: { id: gone.$id }, select: { clientId: true } })).toEqual({ clientId: "" });
    await expectChainWhole(team);
  });

  it.each([
    ["an entry's URL is an entry on the target list", "entry"],
    ["an entry's alias is an entry on the target list", "alias"],
  ])("409 dnc_exists when %s, naming that entry, and nothing changes", async (_label, via) => {
    const team = await createTestTeam();
    const acme = await createClient(team, "Acme");
    const onGlobal = await addEntry(team);
    const mine = await addEntry(team);
    if (via === "alias") {
      const db = await testDb();
      await db.entryAlias.create({
        data: { teamId: team.id, url: onGlobal.url, clientId: acme.id, entryId: mine.$id, createdAt: new Date(), createdBy: "test" },
      });
      await db.dncEntry.update({ where: { id: mine.$id }, data: { clientId: acme.id } });
    } else {
      await placeOnClient(mine.$id, acme.id);
      await insertEntry(team, onGlobal.url, acme.id);
    }
    const before = await auditEvents(team);

    const refused = await api(`/api/v1/clients/${acme.id}?moveEntriesTo=global`, { method: "DELETE", key: team.writeKey });
    expect([refused.status, refused.body.error, refused.body.heldBy]).toEqual([
      409,
      "dnc_exists",
      { $id: onGlobal.$id, url: onGlobal.url },
    ]);
    expect((await api("/api/v1/clients", { key: team.readKey })).body.data.clients).toHaveLength(1);
    expect(await auditEvents(team)).toEqual(before);
    const db = await testDb();
    expect(await db.dncEntry.count({ where: { teamId: team.id, clientId: acme.id } })).toBeGreaterThan(0);
  });
});

/** Makes the database add an entry to the team's client as the client is deleted: an add that lands between the deletion's read and its write. */
async function addEntryOnDeletion(team: TestTeam): Promise<() => Promise<void>> {
  const db = await testDb();
  const name = `late_entry_${team.id.replace(/\W/g, "_")}`;
  const values = `('${newEntryId()}', OLD."teamId", 'https://linkedin.com/in/late-${name}', 'test', 'api', CURRENT_TIMESTAMP, OLD."id")`;
  const insert = `INSERT INTO "DncEntry" ("id", "teamId", "url", "createdBy", "source", "updatedAt", "clientId") VALUES ${values}`;
  if (inject("engine") === "sqlite") {
    await db.$executeRawUnsafe(`CREATE TRIGGER ${name} AFTER DELETE ON "Client" WHEN OLD."teamId" = '${team.id}' BEGIN ${insert}; END`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER ${name}`));
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN ${insert}; RETURN OLD; END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} AFTER DELETE ON "Client" FOR EACH ROW WHEN (OLD."teamId" = '${team.id}') EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "Client"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}

describe("a deletion's guard", () => {
  it("an entry reaching the client during the deletion fails the whole write: nothing moves, nothing is audited", async () => {
    const team = await createTestTeam();
    const acme = await createClient(team, "Acme");
    const entry = await addEntry(team);
    await placeOnClient(entry.$id, acme.id);
    const before = await auditEvents(team);
    const stop = await addEntryOnDeletion(team);
    try {
      const refused = await api(`/api/v1/clients/${acme.id}?moveEntriesTo=global`, { method: "DELETE", key: team.writeKey });
      expect([refused.status, refused.body.error]).toEqual([503, "service_unavailable"]);
    } finally {
      await stop();
    }
    const db = await testDb();
    expect(await db.dncEntry.findMany({ where: { teamId: team.id }, select: { id: true, clientId: true } })).toEqual([
      { id: entry.$id, clientId: acme.id },
    ]);
    expect(await auditEvents(team)).toEqual(before);
    const deleted = await api(`/api/v1/clients/${acme.id}?moveEntriesTo=global`, { method: "DELETE", key: team.writeKey });
    expect([deleted.status, deleted.body.data.moved]).toEqual([200, 1]);
    await expectChainWhole(team);
  });
});

describe("client-bound keys", () => {
  it("are created for a client of the team, listed with it, and see only that client", async () => {
    const { team, owner } = await teamWithOwner();
    const acme = await createClient(team, "Acme");
    await createClient(team, "Beta");
    const key = await boundKey(team, owner, acme.id, "write");
    expect(key).toMatchObject({ clientId: acme.id, key: expect.stringMatching(/^dncsk_/) });
    const keys = (await api("/api/v1/api-keys", asMember(owner, team))).body.data.keys as { id: string; clientId: string | null }[];
    expect(keys.find((k) => k.id === key.id)?.clientId).toBe(acme.id);
    expect(keys.filter((k) => k.id !== key.id).map((k) => k.clientId)).toEqual([null, null]);
    const [created] = (await auditEvents(team, "&action=apikey.created")).filter((event) => event.targetId === key.id);
    expect(created).toMatchObject({ clientId: acme.id, reason: expect.stringContaining('for client "Acme"') });

    const seen = await api("/api/v1/clients", { key: key.key });
    expect(seen.body.data.clients.map((c: { id: string }) => c.id)).toEqual([acme.id]);
    for (const [method, url, body] of [
      ["POST", "/api/v1/clients", { name: "Mine" }],
      ["PATCH", `/api/v1/clients/${acme.id}`, { name: "Mine" }],
      ["DELETE", `/api/v1/clients/${acme.id}`, undefined],
    ] as const) {
      const refused = await api(url, { method, key: key.key, body });
      expect([method, refused.status, refused.body.error]).toEqual([method, 403, "forbidden"]);
    }

    // The audit trail it reads: the team's and the global list's events, and its own client's.
    const events = await api("/api/v1/audit?limit=1000", { key: key.key });
    const clientIds = new Set((events.body.data.events as { clientId: string | null }[]).map((event) => event.clientId));
    expect(clientIds).toEqual(new Set([null, acme.id]));
    expect(events.body.data.total).toBeLessThan((await auditEvents(team)).length);
  });

  it("refuses a client that is unknown, another team's, or malformed", async () => {
    const { team, owner } = await teamWithOwner();
    const theirs = await createClient(await createTestTeam(), "Theirs");
    for (const [clientId, status, error] of [
      ["cli_Nobody", 404, "client_not_found"],
      [theirs.id, 404, "client_not_found"],
      ["acme", 400, "invalid_client"],
      [7, 400, "invalid_client"],
    ] as const) {
      const response = await api(
        "/api/v1/api-keys",
        asMember(owner, team, { method: "POST", body: { name: "x", scope: "read", clientId } }),
      );
      expect([clientId, response.status, response.body.error]).toEqual([clientId, status, error]);
    }
    const teamWide = await api(
      "/api/v1/api-keys",
      asMember(owner, team, { method: "POST", body: { name: "x", scope: "read", clientId: null } }),
    );
    expect([teamWide.status, teamWide.body.data.clientId]).toEqual([201, null]);
  });

  it("the CLI binds a key to a client named by its exact name", async () => {
    const team = await createTestTeam();
    const acme = await createClient(team, "Acme Ltd");
    const key = (await cli("apikey", ["create", "--team", team.slug, "--scope", "read", "--client", "Acme Ltd"]))
      .trim()
      .split("\n")
      .at(-1)!;
    const seen = await api("/api/v1/clients", { key });
    expect(seen.body.data.clients.map((c: { id: string }) => c.id)).toEqual([acme.id]);
    await expect(cli("apikey", ["create", "--team", team.slug, "--scope", "read", "--client", "Nobody"])).rejects.toThrow(/No client/);
  });
});

it("an audit CSV export with client events verifies with the CLI", async () => {
  const team = await createTestTeam();
  const acme = await createClient(team, "Acme");
  const entry = await addEntry(team);
  await placeOnClient(entry.$id, acme.id);
  expect((await api(`/api/v1/clients/${acme.id}?moveEntriesTo=global`, { method: "DELETE", key: team.writeKey })).status).toBe(200);
  const page = await api("/api/v1/audit?limit=1000", { key: team.readKey });
  const events = page.body.data.events as Parameters<typeof auditCsvRow>[0][];
  expect(events.some((event) => event.clientId === acme.id)).toBe(true);
  const folder = await mkdtemp(path.join(tmpdir(), "client-audit-"));
  const file = path.join(folder, "audit.csv");
  await writeFile(file, toCsv(events.map(auditCsvRow), [...AUDIT_CSV_COLUMNS]));

  expect(await cli("audit", ["verify", "--file", file])).toContain(`OK: ${events.length} events checked`);
});
