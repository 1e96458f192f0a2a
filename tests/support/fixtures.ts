import { execFileSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { inject } from "vitest";
import { openDatabase } from "./databases";

/**
 * Teams and keys are made through the same domain functions as the CLI, on the server's database
 * file, so each test gets teams of its own (and rate-limit budgets of its own).
 */
process.env.DATABASE_URL = inject("databaseUrl");
// The test process changes data as the CLI does, so it announces API-key revocations where the servers look.
if (inject("redisUrl")) process.env.REDIS_URL = inject("redisUrl");

export type TestTeam = { id: string; slug: string; writeKey: string; readKey: string };

export async function createTestTeam(): Promise<TestTeam> {
  const { createTeam } = await import("@/lib/teams/create-team");
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const slug = `t-${randomUUID().slice(0, 12)}`;
  const team = await createTeam({ name: `Test ${slug}`, slug });
  const write = await createApiKey({ teamId: team.id, name: "test write", scope: "write", actor: "test" });
  const read = await createApiKey({ teamId: team.id, name: "test read", scope: "read", actor: "test" });
  return { id: team.id, slug, writeKey: write.key, readKey: read.key };
}

/** `npm run apikey -- <args>` as an operator runs it: another process, the servers' database and Redis. */
export function runApiKeyCli(args: string[]) {
  return execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/apikey.ts", ...args], {
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), REDIS_URL: inject("redisUrl") },
    encoding: "utf8",
  });
}

let ownClient: ReturnType<typeof openDatabase> | undefined;

/** A read-write Prisma client of the test's own on the server's database (the app's reader is read-only). */
export function testDb() {
  ownClient ??= openDatabase(inject("databaseUrl"));
  return ownClient;
}

let counter = 0;
/** A LinkedIn URL no other test uses. */
export function uniqueProfileUrl(label = "p"): string {
  counter += 1;
  return `https://www.linkedin.com/in/${label}-${randomUUID().slice(0, 8)}-${counter}`;
}

/**
 * Makes the database itself refuse this team's audit rows (a real failure inside the write's
 * transaction), until the returned function is called.
 */
export async function refuseAuditRows(teamId: string): Promise<() => Promise<void>> {
  const db = await testDb();
  const name = `refuse_audit_${teamId.replace(/\W/g, "_")}`;
  if (inject("engine") === "sqlite") {
    await db.$executeRawUnsafe(
      `CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEvent" WHEN NEW."teamId" = '${teamId}' BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END`,
    );
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER ${name}`));
  }
  await db.$executeRawUnsafe(
    `CREATE FUNCTION ${name}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql`,
  );
  await db.$executeRawUnsafe(
    `CREATE TRIGGER ${name} BEFORE INSERT ON "AuditEvent" FOR EACH ROW WHEN (NEW."teamId" = '${teamId}') EXECUTE FUNCTION ${name}()`,
  );
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER ${name} ON "AuditEvent"`);
    await db.$executeRawUnsafe(`DROP FUNCTION ${name}()`);
  };
}
