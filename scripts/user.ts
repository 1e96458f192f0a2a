// npm run user -- create --email <e> --team <slug> --role <owner|admin|viewer> [--name <n>]   (password from stdin)
// npm run user -- remove --email <e> --team <slug>
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Role } from "@/lib/auth/permissions";
import { findTeamBySlug } from "@/lib/teams/create-team";
import { createUser } from "@/lib/users/create-user";
import { getDb } from "@/lib/db";
import { removeMember } from "@/lib/members/remove-member";
import { runCli } from "./lib/run-cli";

const CLI_ACTOR = "cli";

/** Piped: the first line of stdin. Interactive: a prompt whose answer is not echoed. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    return "";
  }
  process.stderr.write("Password: ");
  const rl = createInterface({ input: process.stdin, output: undefined, terminal: true });
  const answer = await new Promise<string>((resolve) => rl.question("", resolve));
  rl.close();
  process.stderr.write("\n");
  return answer;
}

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: "string" }, team: { type: "string" }, role: { type: "string" }, name: { type: "string" } },
  });
  const [command] = positionals;
  if (!values.email || !values.team) {
    throw new Error("usage: npm run user -- <create|remove> --email <e> --team <slug> [--role owner|admin|viewer] [--name n]");
  }
  const team = await findTeamBySlug(values.team);
  if (command === "create") {
    const role = (values.role ?? "viewer") as Role;
    const { user, created } = await createUser({
      email: values.email,
      name: values.name,
      password: await readPassword(),
      teamId: team.id,
      role,
    });
    console.log(`${created ? "Created" : "Existing user"} ${user.email} is now ${role} of ${team.slug}`);
  } else if (command === "remove") {
    // The same rules as the Members page (a team keeps an owner), and the same audit row, with "cli" as the actor.
    const user = await (await getDb()).user.findUnique({ where: { email: values.email.trim().toLowerCase() } });
    if (!user) throw new Error(`${values.email} has no account`);
    await removeMember({
      caller: { teamId: team.id, actor: CLI_ACTOR, via: "system", role: "owner" },
      userId: user.id,
      requestId: "cli",
    });
    console.log(`Removed ${values.email} from ${team.slug}`);
  } else {
    throw new Error("usage: npm run user -- <create|remove> --email <e> --team <slug> [--role owner|admin|viewer]");
  }
});
