// npm run apikey -- create --team <slug> --scope <read|write> [--name <n>] [--client <client id or exact name>]
//   (the key is the last line of stdout; with --client it is bound to that agency client)
// npm run apikey -- list --team <slug>
// npm run apikey -- revoke --team <slug> --id <key id>
import { parseArgs } from "node:util";
import { createApiKey } from "@/lib/api-keys/create-api-key";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { findClientByIdOrName } from "@/lib/clients/list-clients";
import { findTeamBySlug } from "@/lib/teams/create-team";
import { runCli } from "./lib/run-cli";

const CLI_ACTOR = "cli";

runCli(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      team: { type: "string" },
      scope: { type: "string" },
      name: { type: "string" },
      id: { type: "string" },
      client: { type: "string" },
    },
  });
  const [command] = positionals;
  if (!values.team) throw new Error("--team <slug> is required");
  const team = await findTeamBySlug(values.team);

  if (command === "create") {
    const scope = values.scope;
    if (scope !== "read" && scope !== "write") throw new Error("--scope must be read or write");
    const client = values.client === undefined ? undefined : await findClientByIdOrName(team.id, values.client);
    const created = await createApiKey({
      teamId: team.id,
      name: values.name ?? `${scope} key`,
      scope,
      clientId: client?.id,
      actor: CLI_ACTOR,
    });
    const boundTo = client ? ` bound to client "${client.name}" (${client.id})` : "";
    console.error(`Created ${created.scope} key ${created.id} (${created.prefix}…) for team ${team.slug}${boundTo}. It is shown once:`);
    console.log(created.key);
  } else if (command === "list") {
    console.table(await listApiKeys(team.id));
  } else if (command === "revoke") {
    if (!values.id) throw new Error("--id <key id> is required");
    await revokeApiKey({ teamId: team.id, keyId: values.id, actor: CLI_ACTOR });
    console.log(`Revoked ${values.id}`);
  } else {
    throw new Error(
      "usage: npm run apikey -- <create|list|revoke> --team <slug> [--scope read|write] [--name n] [--client <client id or exact name>] [--id key]",
    );
  }
});
