import "server-only";
import { clientIdField } from "@/lib/clients/client-scope";
import { getDb, Prisma } from "@/lib/db";
import { env } from "@/lib/env";
import type { Stopper } from "@/lib/lifecycle/shutdown";
import { removeEntry } from "./delete-entry";
import { errorField, logger } from "@/lib/observability/logger";

/** The actor of the sweeper's removals in the audit trail and on Recently removed. */
const SYSTEM_ACTOR = "system";

/** Due entries read per round; a round with a full batch is followed by another at once. */
const SWEEP_BATCH = 200;

/**
 * Moves expired entries to Recently removed in the background of every server process, every
 * DNC_EXPIRY_SWEEP_INTERVAL_MS (30 s by default, so within a minute of their expiry). Checks do not
 * wait for it: they compare the expiry themselves (lib/dnc/find-listed.ts). At shutdown it starts no
 * further round; a round cut off by the deadline loses nothing, each removal being one transaction.
 */
export function startExpirySweeper(): { stop: Stopper } {
  const interval = env().DNC_EXPIRY_SWEEP_INTERVAL_MS;
  let stopping = false;
  let wake: () => void = () => undefined;
  const loop = (async () => {
    while (!stopping) {
      let due = 0;
      try {
        due = await sweepExpiredEntries();
      } catch (error) {
        logger().error({ error: errorField(error) }, "expiry sweeper");
      }
      if (due < SWEEP_BATCH && !stopping) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, interval).unref();
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
  })();
  return {
    stop: async (deadline) => {
      stopping = true;
      wake();
      await Promise.race([loop, new Promise((resolve) => setTimeout(resolve, deadline - Date.now()))]);
    },
  };
}

/**
 * One round: every entry (of any team) whose expiry has passed, oldest expiry first, expired
 * together (expireEntries). Returns how many due entries it read.
 */
async function sweepExpiredEntries(): Promise<number> {
  const db = await getDb();
  const due = await db.$queryRaw<DueEntry[]>`
    SELECT "id", "teamId", "url", "clientId", "expiresAt" FROM "DncEntry"
    WHERE "expiresAt" IS NOT NULL AND "expiresAt" <= ${new Date()}
    ORDER BY "expiresAt" LIMIT ${SWEEP_BATCH}`;
  await expireEntries(due);
  return due.length;
}

type DueEntry = { id: string; teamId: string; url: string; clientId: string; expiresAt: Date };

/**
 * Moves entries whose expiry has passed to Recently removed, each as a deletion is
 * (lib/dnc/delete-entry.ts: copied to RemovedEntry with its aliases, restorable) with a
 * `dnc.expired` audit event by actor `system` and its webhook deliveries. Exactly once across
 * instances: a removal deletes the entry only while it is still there and still due, in the
 * transaction that writes the event, so of the instances (or requests) that read the same due entry
 * one removes it and the others change and record nothing (as a delete that loses a race does). The
 * entries are removed concurrently, so one team's removals commit together (auditedWrite's group
 * commit).
 */
export async function expireEntries(entries: DueEntry[]): Promise<void> {
  const now = new Date();
  await Promise.all(
    entries.map((entry) => {
      const expiresAt = new Date(entry.expiresAt).toISOString();
      return removeEntry({
        teamId: entry.teamId,
        entry,
        actor: SYSTEM_ACTOR,
        reason: `Expired at ${expiresAt}`,
        event: { action: "dnc.expired" },
        webhook: { type: "dnc.expired", data: { id: entry.id, url: entry.url, expiresAt, ...clientIdField(entry.clientId) } },
        onlyIf: Prisma.sql` AND "expiresAt" IS NOT NULL AND "expiresAt" <= ${now}`,
      });
    }),
  );
}

/**
 * Expires the team's entry now if its expiry has passed, without waiting for the sweep: an add or
 * a restore whose identifier it still holds can then go in. Whether it was due.
 */
export async function expireIfDue(teamId: string, id: string): Promise<boolean> {
  const db = await getDb();
  const entry = await db.dncEntry.findFirst({
    where: { id, teamId, expiresAt: { lte: new Date() } },
    select: { id: true, teamId: true, url: true, clientId: true, expiresAt: true },
  });
  if (!entry?.expiresAt) return false;
  await expireEntries([{ ...entry, expiresAt: entry.expiresAt }]);
  return true;
}
