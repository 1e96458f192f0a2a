import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, runApiKeyCli, testDb } from "../support/fixtures";
import { signedInMember } from "../support/session";

const UNAUTHORIZED = { error: "unauthorized", message: "Invalid or missing API key" };
const usedKeys: string[] = [];

async function team() {
  const created = await createTestTeam();
  usedKeys.push(created.writeKey, created.readKey);
  return created;
}

describe("API keys", () => {
  it.each([
    ["no Authorization header", undefined],
    ["an empty bearer", "Bearer "],
    ["Basic auth", "Basic dXNlcjpwYXNz"],
    ["a malformed key", "Bearer not-a-key"],
    ["a key one character short", `Bearer dncsk_${"a".repeat(39)}`],
    ["a key one character long", `Bearer dncsk_${"a".repeat(41)}`],
    ["a well-formed unknown key", `Bearer dncsk_${"a".repeat(40)}`],
    ["a key with SQL", "Bearer dncsk_' OR 1=1 --"],
    ["a 10 kB header", `Bearer ${"k".repeat(10_000)}`],
  ])("%s → 401 on every route, never a 500", async (_label, authorization) => {
    const headers = authorization === undefined ? undefined : { authorization };
    for (const [method, route] of [
      ["GET", "/api/v1/dnc"],
      ["GET", "/api/v1/dnc/check?url=in/x"],
      ["POST", "/api/v1/dnc"],
      ["POST", "/api/v1/dnc/batch"],
      ["DELETE", "/api/v1/dnc/dnc_x"],
      ["GET", "/api/v1/audit"],
    ]) {
      const response = await api(route!, { method, headers, body: method === "POST" ? { url: "in/x" } : undefined });
      expect(response.status, `${method} ${route}`).toBe(401);
      expect(response.body).toEqual(UNAUTHORIZED);
    }
  });

  it("revocation takes effect on the very next request", async () => {
    const { revokeApiKey } = await import("@/lib/api-keys/revoke-api-key");
    const t = await team();
    expect((await api("/api/v1/dnc", { key: t.writeKey })).status).toBe(200);
    const db = await testDb();
    const key = await db.apiKey.findFirstOrThrow({ where: { teamId: t.id, scope: "write" } });
    await revokeApiKey({ teamId: t.id, keyId: key.id, actor: "test" });
    const response = await api("/api/v1/dnc", { key: t.writeKey });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(UNAUTHORIZED);
    expect((await api("/api/v1/dnc", { key: t.readKey })).status).toBe(200);
    const audit = await api("/api/v1/audit?action=apikey.revoked", { key: t.readKey });
    expect(audit.body.data.events).toMatchObject([{ action: "apikey.revoked", targetId: key.id, actor: "test" }]);
  });

  describe("a key in use (cached by the server) is refused on the next request after its revocation", () => {
    async function usedKey() {
      const t = await team();
      for (let i = 0; i < 3; i++) expect((await api("/api/v1/dnc", { key: t.writeKey })).status).toBe(200);
      const db = await testDb();
      const key = await db.apiKey.findFirstOrThrow({ where: { teamId: t.id, scope: "write" } });
      return { t, key };
    }

    it("revoked through the API by an owner's session (what the dashboard does)", async () => {
      const { t, key } = await usedKey();
      const owner = await signedInMember(t, "owner");
      const revoked = await api(`/api/v1/api-keys/${key.id}`, {
        method: "DELETE",
        body: {},
        headers: { cookie: owner.jar.header(), "x-dnc-team": t.slug, origin: inject("baseUrl") },
      });
      expect(revoked.status).toBe(200);
      expect((await api("/api/v1/dnc", { key: t.writeKey })).body).toEqual(UNAUTHORIZED);
      expect((await api("/api/v1/dnc", { key: t.readKey })).status).toBe(200);
    });

    it("revoked by `npm run apikey -- revoke` in another process", async () => {
      const { t, key } = await usedKey();
      expect(runApiKeyCli(["revoke", "--team", t.slug, "--id", key.id])).toContain(`Revoked ${key.id}`);
      expect((await api("/api/v1/dnc", { key: t.writeKey })).body).toEqual(UNAUTHORIZED);
      expect((await api("/api/v1/dnc", { key: t.readKey })).status).toBe(200);
    });
  });

  it("keeps lastUsedAt", async () => {
    const t = await team();
    const db = await testDb();
    const before = await db.apiKey.findFirstOrThrow({ where: { teamId: t.id, scope: "read" } });
    expect(before.lastUsedAt).toBeNull();
    await api("/api/v1/dnc", { key: t.readKey });
    await expect.poll(async () => (await db.apiKey.findUniqueOrThrow({ where: { id: before.id } })).lastUsedAt).not.toBeNull();
  });

  it("npm run apikey prints a working key as the last line of stdout", async () => {
    const t = await team();
    const stdout = execFileSync("npm", ["run", "-s", "apikey", "--", "create", "--team", t.slug, "--scope", "read", "--name", "cli test"], {
      cwd: path.resolve(__dirname, "../.."),
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
      encoding: "utf8",
    });
    const key = stdout.trim().split("\n").at(-1)!;
    usedKeys.push(key);
    expect(key).toMatch(/^dncsk_[A-Za-z0-9]{40}$/);
    expect((await api("/api/v1/dnc", { key })).status).toBe(200);
    expect((await api("/api/v1/dnc", { method: "POST", key, body: { url: "in/read-only" } })).body.error).toBe("forbidden");
  });

  it("neither the database nor the server log ever holds a plaintext key", async () => {
    const t = await team();
    // Exercise every path, including errors, with the keys.
    await api("/api/v1/dnc", { method: "POST", key: t.writeKey, body: "{broken" });
    await api("/api/v1/dnc/dnc_missing", { method: "DELETE", key: t.writeKey });
    await api("/api/v1/dnc", { method: "POST", key: t.readKey, body: { url: "in/x" } });

    const db = await testDb();
    const rows = await db.apiKey.findMany();
    const stored = JSON.stringify(rows);
    // SQLite: the database file and its WAL, byte by byte. PostgreSQL: every text column of every table.
    const files = inject("engine") === "sqlite" ? sqliteFiles(inject("databaseUrl")) : [await postgresDump()];
    const log = readFileSync(inject("serverLogFile"), "utf8");
    expect(usedKeys.length).toBeGreaterThan(4);
    expect(files.join("")).toContain(rows[0]!.hash);
    for (const key of usedKeys) {
      const secret = key.slice("dncsk_".length);
      expect(stored).not.toContain(secret);
      for (const file of files) expect(file.includes(secret)).toBe(false);
      expect(log).not.toContain(secret);
    }
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.hash))).toBe(true);
  });
});

function sqliteFiles(databaseUrl: string): string[] {
  const file = databaseUrl.slice("file:".length);
  return readdirSync(path.dirname(file))
    .filter((name) => name.startsWith(path.basename(file)))
    .map((name) => readFileSync(path.join(path.dirname(file), name)).toString("latin1"));
}

async function postgresDump(): Promise<string> {
  const db = await testDb();
  const tables = ["Team", "User", "Membership", "DncEntry", "ApiKey", "AuditEvent"];
  const dumps = await Promise.all(tables.map((table) => db.$queryRawUnsafe<unknown[]>(`SELECT * FROM "${table}"`)));
  return JSON.stringify(dumps);
}
