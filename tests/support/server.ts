import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { closeSync, createWriteStream, openSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Applies the migrations of the URL's provider, as `npm start` does. */
export function migrateDatabase(databaseUrl: string) {
  const result = spawnSync("npx", ["prisma", "migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`migrate deploy failed:\n${result.stdout}\n${result.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Every test server may deliver webhooks to the test's own receivers on 127.0.0.1, and retries a
 * failed delivery within seconds (three retries, so an endpoint that keeps failing is disabled in
 * about two seconds). A test that needs the production behaviour overrides these.
 */
export const TEST_WEBHOOK_ENV = { DNC_WEBHOOK_ALLOW_PRIVATE: "1", DNC_WEBHOOK_RETRY_SCHEDULE_MS: "300,600,1200" };

/**
 * Test servers sweep expired entries once a minute, the slowest the setting allows, so a test can
 * see an expired entry that no sweep has moved yet; a test of the sweeper starts a server of its
 * own with a short interval.
 */
export const TEST_EXPIRY_ENV = { DNC_EXPIRY_SWEEP_INTERVAL_MS: "60000" };

export type RunningServer = { baseUrl: string; child: ChildProcess; stop: () => Promise<void> };

/**
 * Starts `next start` (the production build) against the given database, on a free port or on
 * `port` (a server restarted on the same origin, so a browser's page and cookies stay valid).
 */
export async function startServer(options: {
  databaseUrl: string;
  logFile: string;
  env?: Record<string, string>;
  port?: number;
  /** Options for node itself, e.g. `--cpu-prof` (which NODE_OPTIONS does not accept). */
  nodeArgs?: string[];
  /**
   * The server writes its output to `logFile` itself instead of through this process, which a
   * benchmark keeps busy generating load: a server must not wait for its log's reader there.
   */
  directLog?: boolean;
}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const logFd = options.directLog ? openSync(options.logFile, "a") : undefined;
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: "1",
        ...TEST_WEBHOOK_ENV,
        ...TEST_EXPIRY_ENV,
        DATABASE_URL: options.databaseUrl,
        ...options.env,
      },
      stdio: logFd === undefined ? ["ignore", "pipe", "pipe"] : ["ignore", logFd, logFd],
    },
  );
  if (logFd === undefined) {
    const log = createWriteStream(options.logFile, { flags: "a" });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
  } else {
    closeSync(logFd); // the child has its own copy
  }
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(baseUrl, child);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  };
  return { baseUrl, child, stop };
}

async function waitUntilHealthy(baseUrl: string, child: ChildProcess) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode} before becoming healthy`);
    try {
      // "ok", not just 200: a server whose Redis connection is still being made answers "degraded"
      // and refuses writes, and a slow start under load must not turn into failed tests.
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok && ((await response.json()) as { status: string }).status === "ok") return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server at ${baseUrl} did not become healthy within 60 s`);
}
