import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildIfNeeded } from "../../scripts/lib/build-if-needed";
import { migrateDatabase, type RunningServer, startServer } from "./server";

/** Short enough that "after the window passes" is seconds, long enough that a test's burst fits in one window. */
export const TEST_RATE_WINDOW_MS = 5000;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    databaseFile: string;
    templateDatabaseFile: string;
    workDir: string;
    serverLogFile: string;
    rateWindowMs: number;
  }
}

let server: RunningServer | undefined;
let workDir: string | undefined;

/** One production build and one `next start` on a throw-away SQLite file for the whole API suite. */
export async function setup(project: TestProject) {
  buildIfNeeded(path.resolve(__dirname, "../.."));
  workDir = mkdtempSync(path.join(tmpdir(), "dnc-api-"));
  const templateDatabaseFile = path.join(workDir, "template.db");
  migrateDatabase(templateDatabaseFile);
  const databaseFile = path.join(workDir, "api.db");
  copyFileSync(templateDatabaseFile, databaseFile);
  const serverLogFile = path.join(workDir, "server.log");
  server = await startServer({
    databaseFile,
    logFile: serverLogFile,
    env: { DNC_RATE_WINDOW_MS: String(TEST_RATE_WINDOW_MS) },
  });
  project.provide("baseUrl", server.baseUrl);
  project.provide("databaseFile", databaseFile);
  project.provide("templateDatabaseFile", templateDatabaseFile);
  project.provide("workDir", workDir);
  project.provide("serverLogFile", serverLogFile);
  project.provide("rateWindowMs", TEST_RATE_WINDOW_MS);
}

export async function teardown() {
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
