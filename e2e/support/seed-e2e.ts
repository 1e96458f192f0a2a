// Seeds the e2e database (run by the e2e global setup with tsx): one user who owns a team per test,
// an API write key per team for the tests' own requests, 100,000 entries in team `perf`, and in
// team `table` entries of every source and several authors, on known days.
import { writeFileSync } from "node:fs";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { newEntryId } from "@/lib/ids";
import { disconnectDatabase } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { createTeam } from "@/lib/teams/create-team";
import { createUser } from "@/lib/users/create-user";
import { E2E_TEAMS, E2E_USER, PERF_ENTRIES, type E2eFixtures } from "./constants";
import { TABLE_ENTRIES } from "./table-entries";
import { runCli } from "../../scripts/lib/run-cli";
import { insertGeneratedEntries } from "../../tests/support/generated-entries";

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
  // Times one second apart, ending a second ago.
  await writeTransaction((db) => [
    insertGeneratedEntries(db, {
      teamId: fixtures.teams.perf!.id,
      count: PERF_ENTRIES,
      slugPrefix: "perf-",
      firstCreatedAt: Date.now() - PERF_ENTRIES * 1000,
      stepMs: 1000,
      createdBy: "e2e",
    }),
  ]);
  await writeTransaction((db) => [
    db.dncEntry.createMany({
      data: TABLE_ENTRIES.map(({ createdAt, ...entry }) => ({
        ...entry,
        id: newEntryId(),
        teamId: fixtures.teams.table!.id,
        createdAt: new Date(createdAt),
        updatedAt: new Date(createdAt),
      })),
    }),
  ]);
  await disconnectDatabase();
  writeFileSync(output, JSON.stringify(fixtures));
});
