import "server-only";
import { getDb } from "@/lib/db";
import { writeTransaction } from "@/lib/db/write";
import { AppError } from "@/lib/errors";
import { storeEventTypes, type WebhookEventType } from "./events";
import { wakeWebhookWorker } from "./outbox";
import { ENDPOINT_SELECT, serializeEndpoint } from "./serialize";
import { assertWebhookUrl } from "./ssrf-guard";

export async function listEndpoints(teamId: string) {
  const db = await getDb();
  const rows = await db.webhookEndpoint.findMany({ where: { teamId }, select: ENDPOINT_SELECT, orderBy: { createdAt: "asc" } });
  return rows.map(serializeEndpoint);
}

/** Changes an endpoint's URL (checked again), events or state; enabling clears the reason it was disabled and resumes its pending deliveries. */
export async function updateEndpoint(options: {
  teamId: string;
  id: string;
  url?: string;
  events?: WebhookEventType[];
  enabled?: boolean;
}) {
  if (options.url !== undefined) await assertWebhookUrl(options.url);
  const [updated] = await writeTransaction((db) => [
    db.webhookEndpoint.updateMany({
      where: { id: options.id, teamId: options.teamId },
      data: {
        url: options.url,
        events: options.events && storeEventTypes(options.events),
        enabled: options.enabled,
        ...(options.enabled === undefined ? {} : { disabledReason: null }),
      },
    }),
  ]);
  if (updated.count === 0) throw new AppError("webhook_not_found");
  if (options.enabled) wakeWebhookWorker();
  const db = await getDb();
  return serializeEndpoint(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: options.id }, select: ENDPOINT_SELECT }));
}

/** Deletes an endpoint and its delivery log; pending deliveries go with it. */
export async function deleteEndpoint(options: { teamId: string; id: string }) {
  const [deleted] = await writeTransaction((db) => [db.webhookEndpoint.deleteMany({ where: { id: options.id, teamId: options.teamId } })]);
  if (deleted.count === 0) throw new AppError("webhook_not_found");
}
