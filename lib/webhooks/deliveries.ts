import "server-only";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { wakeWebhookWorker } from "./outbox";
import { DELIVERY_SELECT, serializeDelivery } from "./serialize";

const DELIVERY_LOG_LENGTH = 100;

/** An endpoint's latest deliveries, newest first. */
export async function listDeliveries(options: { teamId: string; endpointId: string }) {
  const db = await getDb();
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: options.endpointId, teamId: options.teamId }, select: { id: true } });
  if (!endpoint) throw new AppError("webhook_not_found");
  const rows = await db.webhookDelivery.findMany({
    where: { endpointId: endpoint.id, teamId: options.teamId },
    select: DELIVERY_SELECT,
    orderBy: { createdAt: "desc" },
    take: DELIVERY_LOG_LENGTH,
  });
  return rows.map(serializeDelivery);
}

/** Sends a delivery again now, with a fresh set of retries, whatever became of it; its webhook-id stays the same. */
export async function resendDelivery(options: { teamId: string; endpointId: string; deliveryId: string }) {
  const [updated] = await writeTransaction((db) => [
    db.webhookDelivery.updateMany({
      where: { id: options.deliveryId, endpointId: options.endpointId, teamId: options.teamId },
      data: { status: "pending", attempts: 0, nextAttemptAt: new Date(), deliveredAt: null },
    }),
  ]);
  if (updated.count === 0) throw new AppError("delivery_not_found");
  wakeWebhookWorker();
  const db = await getDb();
  return serializeDelivery(await db.webhookDelivery.findUniqueOrThrow({ where: { id: options.deliveryId }, select: DELIVERY_SELECT }));
}
