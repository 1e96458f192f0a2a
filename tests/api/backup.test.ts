import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { runCli, runCliInBackground, runCliOrThrow } from "../support/cli";
import { createEmptyPostgresDatabase, createTestDatabase, type TestDatabase } from "../support/databases";
import { type RunningServer, startServer } from "../support/server";

const UNLIMITED = { DNC_RATE_WRITE_LIMIT: "100000", DNC_RATE_BATCH_LIMIT: "100000", DNC_RATE_READ_LIMIT: "100000" };

/** Every URL on the list as the server answers it, page by page. */
async function listedUrls(baseUrl: string, key: string): Promise<Set<string>> {
  const urls = new Set<string>();
  for (let offset = 0; ; offset += 1000) {
    const page = await api(`/api/v1/dnc?limit=1000&offset=${offset}`, { key, baseUrl });
    expect(page.status).toBe(200);
    for (const entry of page.body.data.entries) urls.add(entry.url);
    if (page.body.data.entries.length < 1000) return urls;
  }
}

/**
 * Writers that add entries until stopped; `acknowledged` holds each 201's URL with the time its answer arrived.
 */
function startWriters(baseUrl: string, key: string, count: number) {
  const acknowledged: { url: string; at: number }[] = [];
  let running = true;
  const writers = Array.from({ length: count }, async (_, lane) => {
    for (let i = 0; running; i++) {
      const url = `https://linkedin.com/in/backup-${lane}-${i}`;
      const response = await api("/api/v1/dnc", { method: "POST", key, body: { url }, baseUrl });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      acknowledged.push({ url, at: Date.now() });
    }
  });
  return {
    acknowledged,
    stop: async () => {
      running = false;
      await Promise.all(writers);
    },
  };
}

const until = (condition: () => boolean) =>
  new Promise<void>((resolve) => {
    const poll = setInterval(() => condition() && (clearInterval(poll), resolve()), 20);
  });

/** Edits one audit row of a restored copy behind the app's back. */
async function tamperWithAuditTrail(databaseUrl: string) {
  const sql = `UPDATE "AuditEvent" SET "url" = 'https://linkedin.com/in/someone-else' WHERE "id" = (SELECT "id" FROM "AuditEvent" ORDER BY "sequence" DESC LIMIT 1)`;
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length));
    db.exec(sql);
    db.close();
    return;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(sql);
  await client.end();
}

describe("backups are a command, and restoring is a drill that passes", () => {
  it("a backup taken while writers run restores every entry acknowledged before it began, and its audit chain verifies", async () => {
    const engine = inject("engine");
    const workDir = inject("workDir");
    const live = await createTestDatabase(engine, workDir);
    const env = { ...UNLIMITED, ...(engine === "postgresql" ? { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") } : {}) };
    const logFile = path.join(workDir, "backup.log");
    runCliOrThrow("team", ["create", "--slug", "drill", "--name", "Drill"], { databaseUrl: live.url });
    const key = runCliOrThrow("apikey", ["create", "--team", "drill", "--scope", "write"], { databaseUrl: live.url })
      .stdout.trim()
      .split("\n")
      .at(-1)!;

    const servers: RunningServer[] = [];
    let restored: TestDatabase | undefined;
    try {
      const server = await startServer({ databaseUrl: live.url, logFile, env });
      servers.push(server);
      const writers = startWriters(server.baseUrl, key, 3);
      await until(() => writers.acknowledged.length >= 60);

      const backupBegan = Date.now();
      let restoredUrl: string;
      if (engine === "sqlite") {
        const copy = path.join(workDir, `backup-${randomBytes(4).toString("hex")}.db`);
        const backup = await runCliInBackground("backup", ["--out", copy], { databaseUrl: live.url });
        expect(backup.status, backup.stdout + backup.stderr).toBe(0);
        expect(backup.stdout).toMatch(/^backup-\w+\.db: drill: OK: \d+ events checked, head #\d+ [0-9a-f]{64}$/m);
        restoredUrl = `file:${copy}`;
      } else {
        // The README's commands: pg_dump while the server writes, pg_restore into an empty database.
        const dump = path.join(workDir, `backup-${randomBytes(4).toString("hex")}.dump`);
        await new Promise<void>((resolve, reject) => {
          const child = spawn("pg_dump", ["--format=custom", `--file=${dump}`, live.url], { stdio: "inherit" });
          child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`pg_dump exited ${code}`))));
        });
        restored = await createEmptyPostgresDatabase();
        execFileSync("pg_restore", ["--no-owner", "--exit-on-error", `--dbname=${restored.url}`, dump]);
        restoredUrl = restored.url;
      }
      const acknowledgedBeforeBackup = writers.acknowledged.filter((write) => write.at < backupBegan).map((write) => write.url);
      await writers.stop();
      expect(writers.acknowledged.length).toBeGreaterThan(acknowledgedBeforeBackup.length);

      const verified = runCli("backup", ["--verify", restoredUrl.replace(/^file:/, "")], { databaseUrl: live.url });
      expect(verified.status, verified.stdout + verified.stderr).toBe(0);
      expect(verified.stdout).toMatch(/drill: OK: \d+ events checked, head #\d+ [0-9a-f]{64}$/m);
      expect(verified.stdout).toMatch(/verified: usable for a restore$/m);
      if (engine === "sqlite") expect(verified.stdout).toMatch(/integrity_check: ok$/m);

      const onCopy = await startServer({ databaseUrl: restoredUrl, logFile, env });
      servers.push(onCopy);
      const urls = await listedUrls(onCopy.baseUrl, key);
      expect(acknowledgedBeforeBackup.filter((url) => !urls.has(url))).toEqual([]);
      const chain = await api("/api/v1/audit/verify", { key, baseUrl: onCopy.baseUrl });
      expect(chain.body.data).toMatchObject({ ok: true });
      await onCopy.stop();

      // The drill fails loudly on a copy that was altered.
      await tamperWithAuditTrail(restoredUrl);
      const tampered = runCli("backup", ["--verify", restoredUrl.replace(/^file:/, "")], { databaseUrl: live.url });
      expect(tampered.status).toBe(1);
      expect(tampered.stdout).toMatch(/drill: BROKEN at event \S+ \(#\d+\): its content does not match its hash/);
      expect(tampered.stdout).toMatch(/NOT USABLE/);
    } finally {
      for (const running of servers) await running.stop();
      await restored?.drop();
      await live.drop();
    }
  }, 240_000); // two servers, five CLI runs and a restore: a minute alone, several on a loaded machine

  it("--verify refuses what is not a usable copy, and --out never overwrites a file", async () => {
    const workDir = inject("workDir");
    const garbage = path.join(workDir, "not-a-database.db");
    execFileSync("sh", ["-c", `printf 'no SQLite here' > '${garbage}'`]);
    const databaseUrl = inject("databaseUrl");
    const notADatabase = runCli("backup", ["--verify", garbage], { databaseUrl });
    expect(notADatabase.status).toBe(1);
    expect(notADatabase.stdout).toMatch(/cannot read the backup: file is not a database/);
    const missing = runCli("backup", ["--verify", path.join(workDir, "missing.db")], { databaseUrl });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/cannot read the backup: unable to open database file/);
    if (inject("engine") === "sqlite") {
      const overwrite = runCli("backup", ["--out", garbage], { databaseUrl });
      expect(overwrite.status).toBe(1);
      expect(overwrite.stderr).toMatch(/exists; choose a new file/);
    } else {
      const refused = runCli("backup", ["--out", path.join(workDir, "pg.db")], { databaseUrl });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/on PostgreSQL use pg_dump/);
    }
  });
});
