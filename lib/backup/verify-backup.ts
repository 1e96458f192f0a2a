import "server-only";
import { describeVerdict } from "@/lib/audit/chain";
import { walkTeamChain } from "@/lib/audit/verify-chain";
import { type Db, openReadOnlyDatabase } from "@/lib/db";

export type BackupVerdict = { ok: boolean; lines: string[] };

/**
 * Checks a backup before anyone has to rely on it, reading it only: a SQLite copy's file structure
 * (`integrity_check`, `foreign_key_check`), what it holds, and every team's audit hash chain, whose
 * head hash is printed so it can be kept apart from the copy. A copy that cannot be opened or read
 * is a failed verdict, not an error.
 */
export async function verifyBackup(databaseUrl: string): Promise<BackupVerdict> {
  const lines: string[] = [];
  let ok = true;
  const fail = (line: string) => {
    ok = false;
    lines.push(line);
  };
  let db: Db | undefined;
  try {
    db = openReadOnlyDatabase(databaseUrl);
    if (databaseUrl.startsWith("file:")) {
      const integrity = await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
      const problems = integrity.map((row) => row.integrity_check).filter((result) => result !== "ok");
      if (problems.length > 0) fail(`integrity_check: ${problems.slice(0, 10).join("; ")}`);
      const orphans = await db.$queryRawUnsafe<{ table: string }[]>("PRAGMA foreign_key_check");
      if (orphans.length > 0)
        fail(`foreign_key_check: ${orphans.length} rows point at rows that do not exist (first in ${orphans[0]!.table})`);
      if (ok) lines.push("integrity_check: ok");
    }
    lines.push(await describeContents(db));
    const teams = await db.team.findMany({ select: { id: true, slug: true }, orderBy: { slug: "asc" } });
    for (const team of teams) {
      const verdict = await walkTeamChain(db, team.id);
      const line = `${team.slug}: ${describeVerdict(verdict)}`;
      if (verdict.ok) lines.push(line);
      else fail(line);
    }
  } catch (error) {
    fail(`cannot read the backup: ${causeOf(error)}`);
  } finally {
    await db?.$disconnect();
  }
  return { ok, lines };
}

async function describeContents(db: Db): Promise<string> {
  const [teams, entries, removed, events] = await Promise.all([
    db.team.count(),
    db.dncEntry.count(),
    db.removedEntry.count(),
    db.auditEvent.count(),
  ]);
  const [migration] = await db.$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name DESC LIMIT 1`,
  );
  return `holds ${teams} teams, ${entries} entries, ${removed} removed entries, ${events} audit events; schema at ${migration?.migration_name ?? "no migration"}`;
}

/** Prisma's messages start with the call site; the cause is the last non-empty line. */
function causeOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .at(-1)
      ?.trim() ?? "unknown error"
  );
}
