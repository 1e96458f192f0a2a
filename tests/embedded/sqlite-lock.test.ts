import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { runCliOrThrow } from "../support/cli";
import { createTestDatabase } from "../support/databases";
import { startServer } from "../support/server";
import { signIn } from "../support/session";

const ROOT = path.resolve(__dirname, "../..");
const PASSWORD = "Quartz-meadow-Violin-48-river";
const UNLIMITED = { DNC_RATE_WRITE_LIMIT: "100000", DNC_RATE_BATCH_LIMIT: "100000", DNC_RATE_READ_LIMIT: "100000" };

/** A SQLite client in a process of its own that opens the live file, reads, and closes it. */
function openAndCloseWithBetterSqlite(file: string) {
  const script = `const Database = require("better-sqlite3"); const db = new Database(${JSON.stringify(file)}); db.prepare("SELECT count(*) FROM DncEntry").get(); db.close();`;
  execFileSync(process.execPath, ["-e", script], { cwd: ROOT });
}

function createKey(databaseUrl: string, name: string) {
  const created = runCliOrThrow("apikey", ["create", "--team", "lock", "--scope", "write", "--name", name], { databaseUrl });
  const id = /Created write key (\S+) /.exec(created.stderr)?.[1];
  if (!id) throw new Error(`no key id in: ${created.stderr}`);
  return { id, key: created.stdout.trim().split("\n").at(-1)! };
}

describe("the server keeps SQLite's lock whatever else opens the database file", () => {
  it("after a key request and a session, an online .backup and a foreign open/close lose nothing: keys made and revoked by the CLI take effect, 40 acknowledged adds survive SIGKILL", async () => {
    const workDir = inject("workDir");
    const { url: databaseUrl } = await createTestDatabase("sqlite", workDir);
    const file = databaseUrl.slice("file:".length);
    const logFile = path.join(workDir, "sqlite-lock.log");
    runCliOrThrow("team", ["create", "--slug", "lock", "--name", "Lock"], { databaseUrl });
    runCliOrThrow("user", ["create", "--email", "owner@lock.test", "--team", "lock", "--role", "owner"], {
      databaseUrl,
      input: `${PASSWORD}\n`,
    });
    const first = createKey(databaseUrl, "campaign tool");

    const server = await startServer({ databaseUrl, logFile, env: UNLIMITED });
    let restarted: Awaited<ReturnType<typeof startServer>> | undefined;
    try {
      const baseUrl = server.baseUrl;
      // What used to make the server drop its locks: the first key request and the first session.
      expect((await api("/api/v1/dnc/check?url=in/nobody", { key: first.key, baseUrl })).status).toBe(200);
      const { jar, error } = await signIn("owner@lock.test", PASSWORD, baseUrl);
      expect(error).toBeNull();
      const session = { cookie: jar.header(), "x-dnc-team": "lock", origin: baseUrl };
      expect((await api("/api/v1/dnc", { headers: session, baseUrl })).status).toBe(200);

      // Other SQLite clients open and close the live file. A client that believes it is the last one
      // checkpoints and deletes the -wal and -shm files; while the server holds its lock, none may.
      execFileSync("sqlite3", [file, `.backup '${path.join(workDir, "lock-copy.db")}'`]);
      openAndCloseWithBetterSqlite(file);
      expect(existsSync(`${file}-wal`), "the server's write-ahead log was deleted under it").toBe(true);

      const urls = Array.from({ length: 40 }, (_, i) => `https://linkedin.com/in/lock-${i}`);
      for (const url of urls) {
        const added = await api("/api/v1/dnc", { method: "POST", key: first.key, body: { url }, baseUrl });
        expect(added.status, JSON.stringify(added.body)).toBe(201);
      }

      // The CLI writes in a process of its own; the server must see it on its next request.
      const second = createKey(databaseUrl, "second tool");
      expect((await api("/api/v1/verify", { key: second.key, baseUrl })).status).toBe(200);
      runCliOrThrow("apikey", ["revoke", "--team", "lock", "--id", first.id], { databaseUrl });
      expect((await api("/api/v1/verify", { key: first.key, baseUrl })).status).toBe(401);

      server.child.kill("SIGKILL");
      await new Promise((resolve) => server.child.once("exit", resolve));
      restarted = await startServer({ databaseUrl, logFile, env: UNLIMITED });
      const listed = await api("/api/v1/dnc?limit=1000", { key: second.key, baseUrl: restarted.baseUrl });
      expect(listed.status).toBe(200);
      expect(listed.body.data.entries.map((entry: { url: string }) => entry.url).sort()).toEqual([...urls].sort());

      const verified = runCliOrThrow("audit", ["verify", "--team", "lock"], { databaseUrl });
      const checked = /^lock: OK: (\d+) events checked/m.exec(verified.stdout);
      expect(Number(checked?.[1]), verified.stdout).toBeGreaterThanOrEqual(urls.length);
    } finally {
      await restarted?.stop();
      await server.stop();
    }
  }, 240_000); // two server starts and six CLI runs: seconds each on a loaded machine
});
