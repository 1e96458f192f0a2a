import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { isPostgresReachable, POSTGRES_ADMIN_URL } from "./tests/support/databases";
import { hasRedisServer } from "./tests/support/redis";

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
// the embedded suite, and says so plainly.
const scaleOutMissing = [
  ...((await isPostgresReachable()) ? [] : [`PostgreSQL at ${POSTGRES_ADMIN_URL}`]),
  ...(hasRedisServer() ? [] : ["the redis-server binary"]),
];
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
      apiProject("api", ["tests/api/**/*.test.ts"]),
      ...(scaleOutMissing.length === 0
        ? [apiProject("api-postgres-redis", ["tests/api/**/*.test.ts"]), apiProject("scale-out", ["tests/scale-out/**/*.test.ts"])]
        : []),
    ],
  },
});
