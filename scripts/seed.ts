// Idempotent demo data: teams `acme` and `globex`, and a few entries in acme the first time.
import { addEntries } from "@/lib/dnc/add-entries";
import { getDb } from "@/lib/db";
import { createTeam } from "@/lib/teams/create-team";
import { runCli } from "./lib/run-cli";

const DEMO_TEAMS = [
  { slug: "acme", name: "Acme Corp" },
  { slug: "globex", name: "Globex" },
];

const DEMO_URLS = [
  "https://www.linkedin.com/in/jane-doe/",
  "https://uk.linkedin.com/in/John-Smith",
  "linkedin.com/in/maria-garcia?trk=profile",
  "https://linkedin.com/in/%C3%A9lodie-martin",
  "in/wei-zhang",
];

runCli(async () => {
  const db = await getDb();
  for (const demo of DEMO_TEAMS) {
    if (await db.team.findUnique({ where: { slug: demo.slug } })) continue;
    const team = await createTeam(demo);
    if (demo.slug === "acme") {
      const caller = { teamId: team.id, actor: "seed", canWrite: true, via: "system" as const };
      await addEntries({ caller, urls: DEMO_URLS, source: "import", requestId: "seed" });
    }
    console.log(`seeded team ${demo.slug} (${team.id})`);
  }
});
