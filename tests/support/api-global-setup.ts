import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildIfNeeded } from "../../scripts/lib/build-if-needed";
import { createTestDatabase, type TestDatabase, type TestEngine } from "./databases";
import { startTestRedis, type TestRedis } from "./redis";
import { type RunningServer, startServer } from "./server";

/** Short enough that "after the window passes" is seconds, long enough that a test's burst fits in one window. */
export const TEST_RATE_WINDOW_MS = 5000;

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    baseUrls: string[];
    engine: TestEngine;
    databaseUrl: string;
    redisUrl: string;
    workDir: string;
    serverLogFile: string;
    rateWindowMs: number;
  }
}

export const SCALE_OUT_SWEEP_INTERVAL_MS = 300;

/** What each Vitest project runs against. */
const SHAPES: Record<string, { engine: TestEngine; redis: boolean; instances: number }> = {
  api: { engine: "sqlite", redis: false, instances: 1 },
  "api-postgres-redis": { engine: "postgresql", redis: true, instances: 1 },
  "scale-out": { engine: "postgresql", redis: true, instances: 2 },
};

let servers: RunningServer[] = [];
let database: TestDatabase | undefined;
let redis: TestRedis | undefined;
let workDir: string | undefined;

/** One production build; fresh database (and Redis) and `next start` instance(s) for the project. */
export async function setup(project: TestProject) {
  const shape = SHAPES[project.name];
  if (!shape) throw new Error(`no test shape for project ${project.name}`);
  buildIfNeeded(path.resolve(__dirname, "../.."));
  workDir = mkdtempSync(path.join(tmpdir(), `dnc-${project.name}-`));
  database = await createTestDatabase(shape.engine, workDir);
  redis = shape.redis ? await startTestRedis() : undefined;
  const serverLogFile = path.join(workDir, "server.log");
  const env: Record<string, string> = {
    DNC_RATE_WINDOW_MS: String(TEST_RATE_WINDOW_MS),
    ...(redis ? { REDIS_URL: redis.url } : {}),
    // Several instances must share one session secret; on PostgreSQL it has to be configured.
    ...(shape.engine === "postgresql" ? { NEXTAUTH_SECRET: randomBytes(32).toString("base64url") } : {}),
    // Several instances sweep expired entries every few hundred milliseconds, so they race for the same ones.
    ...(shape.instances > 1 ? { DNC_EXPIRY_SWEEP_INTERVAL_MS: String(SCALE_OUT_SWEEP_INTERVAL_MS) } : {}),
  };
  for (let i = 0; i < shape.instances; i++) {
    servers.push(await startServer({ databaseUrl: database.url, logFile: serverLogFile, env }));
  }
  project.provide("baseUrl", servers[0]!.baseUrl);
  project.provide(
    "baseUrls",
    servers.map((server) => server.baseUrl),
  );
  project.provide("engine", shape.engine);
  project.provide("databaseUrl", database.url);
  project.provide("redisUrl", redis?.url ?? "");
  project.provide("workDir", workDir);
  project.provide("serverLogFile", serverLogFile);
  project.provide("rateWindowMs", TEST_RATE_WINDOW_MS);
}

export async function teardown() {
  await Promise.all(servers.map((server) => server.stop()));
  servers = [];
  await redis?.stop();
  await database?.drop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
}
