import "server-only";
import { databaseProvider, getDb, Prisma } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { env } from "@/lib/env";
import type { Stopper } from "@/lib/lifecycle/shutdown";
import { newWebhookAttemptId, randomAlphanumeric } from "@/lib/ids";
import { errorField, logger } from "@/lib/observability/logger";
import { type DeliveryOutcome, sendDelivery } from "./deliver";
import { onWebhookWake } from "./outbox";

const POLL_INTERVAL_MS = 1_000;
const CLAIM_BATCH = 10;
/** Longer than a send can take (5 s timeout): once it has passed, the claim was lost with its instance and another may send. */
const CLAIM_LEASE_MS = 15_000;

type Claimed = { id: string; endpointId: string; eventId: string; payload: string; attempts: number };

/**
 * Sends due deliveries in the background of each server process: claims a few (each by exactly one
 * instance), sends them, records the outcome, and retries failures on the configured schedule; a
 * delivery out of retries fails and disables its endpoint. Woken by local commits, else polls.
 * Stopped at shutdown (lib/lifecycle/shutdown.ts): it claims nothing more and lets the sends in
 * flight finish (each is bounded by its 5 s timeout); any claim still held at the deadline is
 * handed back, so the next process sends it at once rather than after the lease.
 */
export function startWebhookWorker(): { stop: Stopper } {
  let wake: () => void = () => undefined;
  let woken = false;
  let stopping = false;
  let held: string | null = null;
  onWebhookWake(() => {
    woken = true;
    wake();
  });
  const idle = () =>
    new Promise<void>((resolve) => {
      if (woken || stopping) return resolve();
      const timer = setTimeout(resolve, POLL_INTERVAL_MS);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    while (!stopping) {
      woken = false;
      let claimed: Claimed[] = [];
      try {
        const claim = await claimDue();
        claimed = claim.rows;
        held = claim.token;
        await Promise.all(claimed.map((delivery) => deliverClaimed(delivery, claim.token)));
        held = null;
      } catch (error) {
        logger().error({ error: errorField(error) }, "webhook worker");
      }
      if (claimed.length < CLAIM_BATCH) await idle();
    }
  })();

  return {
    stop: async (deadline) => {
      stopping = true;
      wake();
      const finished = await Promise.race([
        loop.then(() => true),
        new Promise<false>((resolve) => setTimeout(resolve, deadline - Date.now(), false)),
      ]);
      if (!finished && held) await releaseClaims(held);
    },
  };
}

/** Hands back the deliveries still claimed with `token`, due again at once for any instance. */
async function releaseClaims(token: string) {
  await writeTransaction((db) => [
    db.$executeRaw`UPDATE "WebhookDelivery" SET "claimedUntil" = NULL, "claimToken" = NULL WHERE "claimToken" = ${token} AND "status" = 'pending'`,
  ]);
}

async function claimDue(): Promise<{ token: string; rows: Claimed[] }> {
  const now = new Date();
  const leaseEnd = new Date(now.getTime() + CLAIM_LEASE_MS);
  const token = randomAlphanumeric(16);
  // PostgreSQL: rows another instance is claiming right now are skipped, not waited for or taken twice.
  const lock = databaseProvider() === "postgresql" ? Prisma.sql`FOR UPDATE SKIP LOCKED` : Prisma.empty;
  const [rows] = await writeTransaction((db) => [
    db.$queryRaw<Claimed[]>`
      UPDATE "WebhookDelivery" SET "claimedUntil" = ${leaseEnd}, "claimToken" = ${token}
      WHERE "id" IN (
        SELECT d."id" FROM "WebhookDelivery" d
        WHERE d."status" = 'pending' AND d."nextAttemptAt" <= ${now} AND (d."claimedUntil" IS NULL OR d."claimedUntil" < ${now})
          AND EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e."id" = d."endpointId" AND e."enabled")
        ORDER BY d."nextAttemptAt" LIMIT ${CLAIM_BATCH} ${lock})
      RETURNING "id", "endpointId", "eventId", "payload", "attempts"`,
  ]);
  return { token, rows: rows.map((row) => ({ ...row, attempts: Number(row.attempts) })) };
}

async function deliverClaimed(delivery: Claimed, token: string) {
  const db = await getDb();
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: delivery.endpointId }, select: { url: true, secret: true } });
  if (!endpoint) return;
  const outcome = await sendDelivery({ eventId: delivery.eventId, payload: delivery.payload, url: endpoint.url, secret: endpoint.secret });
  await recordOutcome(delivery, token, outcome);
}

async function recordOutcome(delivery: Claimed, token: string, outcome: DeliveryOutcome) {
  const now = new Date();
  const schedule = env().DNC_WEBHOOK_RETRY_SCHEDULE_MS;
  const outOfRetries = !outcome.ok && delivery.attempts >= schedule.length;
  const status = outcome.ok ? "delivered" : outOfRetries ? "failed" : "pending";
  const nextAttemptAt = status === "pending" ? new Date(now.getTime() + schedule[delivery.attempts]!) : now;
  const ours = Prisma.sql`"id" = ${delivery.id} AND "claimToken" = ${token}`;
  const reason = `Disabled on ${now.toISOString()}: a delivery failed ${delivery.attempts + 1} times, last with ${outcome.error}`;
  await writeTransaction((db) => [
    ...(outOfRetries
      ? [
          db.$executeRaw`UPDATE "WebhookEndpoint" SET "enabled" = false, "disabledReason" = ${reason}
            WHERE "id" = ${delivery.endpointId} AND EXISTS (SELECT 1 FROM "WebhookDelivery" WHERE ${ours})`,
        ]
      : []),
    // The attempt's own row first, while the claim still names it: the log keeps every attempt, across resends.
    db.$executeRaw`INSERT INTO "WebhookAttempt" ("id", "deliveryId", "attemptedAt", "statusCode", "latencyMs", "error")
      SELECT ${newWebhookAttemptId()}, ${delivery.id}, ${now}, ${outcome.statusCode}, ${outcome.latencyMs}, ${outcome.error}
      WHERE EXISTS (SELECT 1 FROM "WebhookDelivery" WHERE ${ours})`,
    db.$executeRaw`
      UPDATE "WebhookDelivery" SET "status" = ${status}, "attempts" = "attempts" + 1, "nextAttemptAt" = ${nextAttemptAt},
        "lastStatusCode" = ${outcome.statusCode}, "lastLatencyMs" = ${outcome.latencyMs}, "lastError" = ${outcome.error},
        "lastResponse" = ${outcome.response}, "deliveredAt" = ${outcome.ok ? now : null}, "claimedUntil" = NULL, "claimToken" = NULL
      WHERE ${ours}`,
  ]);
}
