import "server-only";
import { type Db, Prisma } from "@/lib/db";
import { storeEventTypes, type WebhookEventType } from "./events";

/**
 * One delivery per enabled endpoint of the team subscribed to `type`, written in the change's own
 * batch transaction after its audit row: the change and its deliveries commit together or not at
 * all, and a change that did not happen (its audit row `eventId` was not written) sends nothing.
 * The audit event id is the message's `webhook-id`.
 */
export function webhookDeliveries(
  db: Db,
  event: { teamId: string; eventId: string; type: WebhookEventType; at: Date; data: unknown },
): Prisma.PrismaPromise<number> {
  const payload = JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: event.data });
  return db.$executeRaw`
    INSERT INTO "WebhookDelivery" ("id", "teamId", "endpointId", "eventId", "type", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
    SELECT CAST(${event.eventId} AS TEXT) || '_' || e."id", e."teamId", e."id", ${event.eventId}, ${event.type}, ${payload}, 'pending', 0, ${event.at}, ${event.at}
    FROM "WebhookEndpoint" e
    WHERE e."teamId" = ${event.teamId} AND e."enabled" AND e."events" LIKE ${`%${storeEventTypes([event.type])}%`}
      AND EXISTS (SELECT 1 FROM "AuditEvent" WHERE "id" = ${event.eventId})`;
}

type WakeHook = { wake?: () => void };
const hook = globalThis as typeof globalThis & { __dncWebhookWorker?: WakeHook };

/** Tells this process's worker a change just committed, so its deliveries go now rather than at the next poll. */
export function wakeWebhookWorker() {
  hook.__dncWebhookWorker?.wake?.();
}

export function onWebhookWake(wake: () => void) {
  hook.__dncWebhookWorker = { wake };
}
