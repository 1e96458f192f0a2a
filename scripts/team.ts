// npm run team -- create --slug <slug> --name <name>
import { parseArgs } from "node:util";
import { createTeam } from "@/lib/teams/create-team";
import { runCli } from "./lib/run-cli";

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { slug: { type: "string" }, name: { type: "string" } },
  });
  if (positionals[0] !== "create" || !values.slug) throw new Error("usage: npm run team -- create --slug <slug> [--name <name>]");
  const team = await createTeam({ slug: values.slug, name: values.name ?? values.slug });
  console.log(team.id);
});
