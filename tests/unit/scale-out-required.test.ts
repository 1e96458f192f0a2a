import { spawnSync } from "node:child_process";
import path from "node:path";
import { createServer } from "node:net";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");

/** A PostgreSQL URL on a port where nothing listens. */
async function unreachablePostgresUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return `postgresql://postgres@127.0.0.1:${port}/postgres`;
}

/** Loads the test configuration as `npm test` does and lists the unit project's files. */
function listTests(env: Record<string, string>) {
  return spawnSync(process.execPath, [path.join(ROOT, "node_modules/vitest/vitest.mjs"), "list", "--project", "unit", "--filesOnly"], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

describe("the scale-out suites cannot be skipped silently", () => {
  it("under CI=true a missing PostgreSQL fails the run and names what is missing", async () => {
    const listed = listTests({ CI: "true", DNC_TEST_POSTGRES_URL: await unreachablePostgresUrl() });
    expect(listed.status).not.toBe(0);
    expect(listed.stderr + listed.stdout).toMatch(
      /the scale-out suites must run, but PostgreSQL at postgresql:\/\/postgres@127\.0\.0\.1:\d+\/postgres is missing/,
    );
  });

  it("outside CI the run goes on with the embedded suite and says plainly what was not run", async () => {
    const listed = listTests({ CI: "", DNC_TEST_POSTGRES_URL: await unreachablePostgresUrl() });
    expect(listed.status, listed.stderr).toBe(0);
    expect(listed.stderr + listed.stdout).toMatch(/SCALE-OUT SUITE NOT RUN on this machine: missing PostgreSQL/);
    expect(listed.stdout).toMatch(/tests\/unit\/scale-out-required\.test\.ts/);
  });
});
