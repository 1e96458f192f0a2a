// npm run audit -- verify [--team <slug>]   check each team's audit trail (or one) against its hash chain
// npm run audit -- verify --file <export.csv>   check an audit CSV export from the dashboard on its own
// Prints OK with the number of events checked and exits 0, or names the first event where a chain breaks and exits 1.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { verifyAuditCsv } from "@/lib/audit/verify-audit-csv";
import { describeVerdict } from "@/lib/audit/chain";
import { verifyTeamChain } from "@/lib/audit/verify-chain";
import { getDb } from "@/lib/db";
import { findTeamBySlug } from "@/lib/teams/create-team";
import { runCli } from "./lib/run-cli";

runCli(async () => {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { team: { type: "string" }, file: { type: "string" } } });
  if (positionals[0] !== "verify") throw new TypeError("usage: npm run audit -- verify [--team <slug>] [--file <export.csv>]");

  if (values.file) {
    const verdict = verifyAuditCsv(await readFile(values.file, "utf8"));
    console.log(`${values.file}: ${describeVerdict(verdict)}`);
    if (!verdict.ok) process.exitCode = 1;
    return;
  }
  const teams = values.team
    ? [await findTeamBySlug(values.team)]
    : await (await getDb()).team.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } });
  for (const team of teams) {
    const verdict = await verifyTeamChain(team.id);
    console.log(`${team.slug}: ${describeVerdict(verdict)}`);
    if (!verdict.ok) process.exitCode = 1;
  }
});
