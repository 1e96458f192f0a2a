import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "../../scripts/lib/build-if-needed";
import { migrateDatabase, startServer } from "../../tests/support/server";
import { E2E_SERVER_ENV } from "./constants";

const ROOT = path.resolve(__dirname, "../..");

function runTsx(script: string, args: string[], databaseUrl: string) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * The production build on its own throw-away SQLite file and free port, with a 4-second rate
 * window: the demo seed (README users), the e2e teams, and 100,000 entries in team `perf`.
 */
export default async function globalSetup() {
  buildIfNeeded(ROOT);
  const workDir = mkdtempSync(path.join(tmpdir(), "dnc-e2e-"));
  const databaseUrl = `file:${path.join(workDir, "e2e.db")}`;
  const fixturesFile = path.join(workDir, "fixtures.json");
  migrateDatabase(databaseUrl);
  runTsx("scripts/seed.ts", [], databaseUrl);
  runTsx("e2e/support/seed-e2e.ts", [fixturesFile], databaseUrl);
  const server = await startServer({ databaseUrl, logFile: path.join(workDir, "server.log"), env: E2E_SERVER_ENV });
  // Playwright hands the setup's environment to the test workers; a spec that starts a server of its
  // own (e2e/bulk-delete-offline.spec.ts) needs the database and a place for its log.
  process.env.E2E_BASE_URL = server.baseUrl;
  process.env.E2E_FIXTURES = fixturesFile;
  process.env.E2E_DATABASE_URL = databaseUrl;
  process.env.E2E_WORK_DIR = workDir;
  return async () => {
    await server.stop();
    rmSync(workDir, { recursive: true, force: true });
  };
}
