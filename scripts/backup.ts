// npm run backup -- --out <file>       a consistent copy of the live SQLite database, taken while it serves writes, then verified
// npm run backup -- --verify <file>    integrity_check and every team's audit chain on a copy (or a restored postgresql://… database)
// Prints each team's chain head (keep it apart from the copy); exits 1 when the copy is not usable.
import { closeSync, openSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { backupSqliteDatabase } from "@/lib/backup/create-backup";
import { databaseProvider } from "@/lib/db";
import { verifyBackup } from "@/lib/backup/verify-backup";
import { runCli } from "./lib/run-cli";

/** npm runs scripts in the package's folder; a relative path means the operator's own folder. */
const fromOperatorFolder = (file: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

async function verifyAndReport(databaseUrl: string, label: string) {
  const verdict = await verifyBackup(databaseUrl);
  for (const line of verdict.lines) console.log(`${label} ${line}`);
  console.log(verdict.ok ? `${label} verified: usable for a restore` : `${label} NOT USABLE: see the lines above`);
  if (!verdict.ok) process.exitCode = 1;
}

runCli(async () => {
  const { values } = parseArgs({ options: { out: { type: "string" }, verify: { type: "string" } } });
  if (values.out) {
    if (databaseProvider() !== "sqlite")
      throw new TypeError("--out copies the SQLite database; on PostgreSQL use pg_dump (README, Backups)");
    const file = fromOperatorFolder(values.out);
    // Private like the database, and never over an existing file.
    try {
      closeSync(openSync(file, "wx", 0o600));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new TypeError(`${file} exists; choose a new file for the backup`);
      throw error;
    }
    try {
      await backupSqliteDatabase(file);
    } catch (error) {
      rmSync(file, { force: true });
      throw error;
    }
    console.log(`Backed up to ${file}`);
    await verifyAndReport(`file:${file}`, `${path.basename(file)}:`);
    console.log("Keep the copy, and the head hashes above, in two places other than this machine.");
  } else if (values.verify) {
    const target = values.verify;
    const isPostgres = /^postgres(ql)?:\/\//.test(target);
    await verifyAndReport(
      isPostgres ? target : `file:${fromOperatorFolder(target)}`,
      isPostgres ? "restored database:" : `${path.basename(target)}:`,
    );
  } else {
    throw new TypeError("usage: npm run backup -- --out <file> | --verify <file or postgresql://…>");
  }
});
