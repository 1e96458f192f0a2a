// Idempotent demo data: teams `acme` and `globex`, a few entries in acme the first time, and the
// demo users of the README (each created only when its email is not taken yet).
import type { Role } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { addEntries } from "@/lib/dnc/add-entries";
import { getDb } from "@/lib/db";
import { createTeam, findTeamBySlug } from "@/lib/teams/create-team";
import { createUser } from "@/lib/users/create-user";
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

/**
 * Demo sign-ins, documented in the README; change or remove them on a real installation. The
 * password is published, so the strength policy (for passwords people choose) is not asked about it.
 */
const DEMO_PASSWORD = "demo-password";
const DEMO_USERS: { email: string; name: string; team: string; role: Role }[] = [
  { email: "owner@acme.test", name: "Olivia Owner", team: "acme", role: "owner" },
  { email: "viewer@acme.test", name: "Victor Viewer", team: "acme", role: "viewer" },
  { email: "owner@globex.test", name: "Grace Globex", team: "globex", role: "owner" },
];

runCli(async () => {
  const db = await getDb();
  for (const demo of DEMO_TEAMS) {
    if (await db.team.findUnique({ where: { slug: demo.slug } })) continue;
    const team = await createTeam(demo);
    if (demo.slug === "acme") {
      const caller = { teamId: team.id, actor: "seed", via: "system" as const };
      await addEntries({ caller, urls: DEMO_URLS, source: "import", requestId: "seed" });
    }
    console.log(`seeded team ${demo.slug} (${team.id})`);
  }
  for (const demo of DEMO_USERS) {
    if (await db.user.findUnique({ where: { email: demo.email } })) continue;
    const team = await findTeamBySlug(demo.team);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await createUser({ email: demo.email, name: demo.name, passwordHash, teamId: team.id, role: demo.role });
    console.log(`seeded user ${demo.email} (${demo.role} of ${demo.team})`);
  }
});
