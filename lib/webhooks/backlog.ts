import "server-only";
import { getDb } from "@/lib/db";

/**
 * The outbox as an operator watches it: deliveries still to send, and when the longest-waiting due
 * one fell due. Deliveries of a disabled endpoint wait for it to be enabled again and are counted
 * by neither: they are not a backlog the worker is behind on. Read with the (status, nextAttemptAt)
 * index, so a scrape stays cheap however many deliveries were ever made.
 */
export async function webhookBacklog(now = new Date()): Promise<{ pending: number; oldestDueAt: Date | null }> {
  const db = await getDb();
  const [row] = await db.$queryRaw<{ pending: bigint | number; oldestDueAt: Date | string | number | null }[]>`
    SELECT COUNT(*) AS "pending", MIN(CASE WHEN d."nextAttemptAt" <= ${now} THEN d."nextAttemptAt" END) AS "oldestDueAt"
    FROM "WebhookDelivery" d
    WHERE d."status" = 'pending' AND EXISTS (SELECT 1 FROM "WebhookEndpoint" e WHERE e."id" = d."endpointId" AND e."enabled")`;
  const oldest = row?.oldestDueAt ?? null;
  return { pending: Number(row?.pending ?? 0), oldestDueAt: oldest === null ? null : new Date(oldest) };
}
