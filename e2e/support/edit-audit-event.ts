// Edits one audit event behind the app's back, as anyone with the database file could: one UPDATE
// of one row. Run with tsx by e2e/audit-integrity.spec.ts (Playwright's loader cannot load the
// generated Prisma client): tsx e2e/support/edit-audit-event.ts <event id> <new reason>
import { openDatabase } from "../../tests/support/databases";
import { runCli } from "../../scripts/lib/run-cli";

runCli(async () => {
  const [id, reason] = process.argv.slice(2);
  if (!id || reason === undefined) throw new TypeError("usage: edit-audit-event.ts <event id> <new reason>");
  const db = await openDatabase(process.env.DATABASE_URL!);
  try {
    await db.auditEvent.update({ where: { id }, data: { reason } });
  } finally {
    await db.$disconnect();
  }
});
