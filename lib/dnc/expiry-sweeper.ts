import "server-only";
import { getDb, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { removeEntry } from "./delete-entry";

/** The actor of the sweeper's removals in the audit trail and on Recently removed. */
const SYSTEM_ACTOR = "system";

/** Due entries read per round; a round with a full batch is followed by another at once. */
const SWEEP_BATCH = 200;

/**
 * Moves expired entries to Recently removed in the background of every server process, every
 * DNC_EXPIRY_SWEEP_INTERVAL_MS (30 s by default, so within a minute of their expiry). Checks do not
 * wait for it: they compare the expiry themselves (lib/dnc/find-listed.ts).
 */
export function startExpirySweeper() {
  const interval = env().DNC_EXPIRY_SWEEP_INTERVAL_MS;
  void (async () => {
    for (;;) {
      let due = 0;
      try {
        due = await sweepExpiredEntries();
      } catch (error) {
        console.error(JSON.stringify({ level: "error", msg: "expiry sweeper", error: String(error) }));
      }
      if (due < SWEEP_BATCH) await new Promise((resolve) => setTimeout(resolve, interval).unref());
    }
  })();
}

/**
 * One round: every entry (of any team) whose expiry has passed, oldest expiry first, each removed as
 * a deletion is (lib/dnc/delete-entry.ts: copy to RemovedEntry with its aliases, restorable) with a
 * `dnc.expired` audit event by actor `system` and its webhook deliveries. Exactly once across
 * instances: the removal deletes the entry only while it is still there and still due, in the
 * transaction that writes the event, so of the instances that read the same due entry one removes
 * it and the others change and record nothing (as a delete that loses a race does). The entries are
 * removed concurrently, so one team's removals commit together (auditedWrite's group commit).
 * Returns how many due entries it read.
 */
async function sweepExpiredEntries(): Promise<number> {
  const now = new Date();
  const db = await getDb();
  const due = await db.$queryRaw<{ id: string; teamId: string; url: string; expiresAt: Date }[]>`
    SELECT "id", "teamId", "url", "expiresAt" FROM "DncEntry"
    WHERE "expiresAt" IS NOT NULL AND "expiresAt" <= ${now}
    ORDER BY "expiresAt" LIMIT ${SWEEP_BATCH}`;
  await Promise.all(
    due.map((entry) => {
      const expiresAt = new Date(entry.expiresAt).toISOString();
      return removeEntry({
        teamId: entry.teamId,
        entry,
        actor: SYSTEM_ACTOR,
        reason: `Expired at ${expiresAt}`,
        event: { action: "dnc.expired" },
        webhook: { type: "dnc.expired", data: { id: entry.id, url: entry.url, expiresAt } },
        onlyIf: Prisma.sql` AND "expiresAt" IS NOT NULL AND "expiresAt" <= ${now}`,
      });
    }),
  );
  return due.length;
}
