import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

const alias = {
  "@": root,
  // Domain modules guard against client bundles with `server-only`; tests are server code.
  "server-only": path.join(root, "tests/support/server-only.ts"),
};

const apiProject = (name: string, include: string[]) => ({
  resolve: { alias },
  test: {
    name,
    include,
    environment: "node",
    globalSetup: ["tests/support/api-global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});

// The scale-out suites need PostgreSQL and a redis-server binary; a machine without them still runs
// the embedded suite, and says so plainly. (Same default URL as tests/support/databases.ts.)
const postgresUrl = process.env.DNC_TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const scaleOutMissing = [
  ...((await isPostgresReachable()) ? [] : [`PostgreSQL at ${postgresUrl}`]),
  ...(spawnSync("redis-server", ["--version"]).status === 0 ? [] : ["the redis-server binary"]),
];
// CI must prove the scale-out suites: there a missing service fails the run instead of shrinking it.
const inCi = !!process.env.CI && !["0", "false"].includes(process.env.CI.toLowerCase());
if (scaleOutMissing.length > 0 && inCi) {
  throw new Error(`CI=${process.env.CI}: the scale-out suites must run, but ${scaleOutMissing.join(" and ")} is missing`);
}
if (scaleOutMissing.length > 0) {
  // Read again by the summary reporter, so the last lines of the run say it too.
  process.env.DNC_SCALE_OUT_NOT_RUN = `SCALE-OUT SUITE NOT RUN on this machine: missing ${scaleOutMissing.join(" and ")}. Only the embedded (SQLite) suite ran.`;
  console.warn(`\n${process.env.DNC_SCALE_OUT_NOT_RUN}\n`);
}

export default defineConfig({
  resolve: { alias },
  test: {
    reporters: ["default", "./tests/support/summary-reporter.ts"],
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      // tests/embedded: what only the embedded default has (the SQLite file and its locks).
      apiProject("api", ["tests/api/**/*.test.ts", "tests/embedded/**/*.test.ts"]),
      ...(scaleOutMissing.length === 0
        ? [apiProject("api-postgres-redis", ["tests/api/**/*.test.ts"]), apiProject("scale-out", ["tests/scale-out/**/*.test.ts"])]
        : []),
    ],
  },
});
