// Seeds the e2e database (run by the e2e global setup with tsx): one user who owns a team per test,
// an API write key per team for the tests' own requests, and 100,000 entries in team `perf`.
import { writeFileSync } from "node:fs";
import Database from "better-sqlite3";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { getDb, sqliteFilePath } from "@/lib/db";
import { sqlTime } from "@/lib/db/sql-time";
import { newEntryId } from "@/lib/ids";
import { createTeam } from "@/lib/teams/create-team";
import { createUser } from "@/lib/users/create-user";
import { E2E_TEAMS, E2E_USER, PERF_ENTRIES, type E2eFixtures } from "./constants";
import { runCli } from "../../scripts/lib/run-cli";

runCli(async () => {
  const output = process.argv[2];
  if (!output) throw new Error("usage: seed-e2e.ts <fixtures.json>");
  const fixtures: E2eFixtures = { teams: {} };
  for (const slug of E2E_TEAMS) {
    const team = await createTeam({ slug, name: `E2E ${slug}` });
    await createUser({ email: E2E_USER.email, name: "E2E Tester", password: E2E_USER.password, teamId: team.id, role: "owner" });
    const key = await createApiKey({ teamId: team.id, name: "e2e", scope: "write", actor: "e2e" });
    fixtures.teams[slug] = { id: team.id, writeKey: key.key };
  }
  await (await getDb()).$disconnect();

  // Raw inserts: 100,000 rows through the domain functions would take minutes of test time.
  const db = new Database(sqliteFilePath(process.env.DATABASE_URL!));
  const insert = db.prepare("INSERT INTO DncEntry (id, teamId, url, createdAt, updatedAt, createdBy, source) VALUES (?, ?, ?, ?, ?, 'e2e', 'import')");
  const now = Date.now();
  db.transaction(() => {
    for (let i = 0; i < PERF_ENTRIES; i++) {
      const created = sqlTime(new Date(now - (PERF_ENTRIES - i) * 1000));
      insert.run(newEntryId(), fixtures.teams.perf!.id, `https://linkedin.com/in/perf-${String(i).padStart(6, "0")}`, created, created);
    }
  })();
  db.close();
  writeFileSync(output, JSON.stringify(fixtures));
});
