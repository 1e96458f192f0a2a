import "server-only";
import type { Deliveries } from "@/lib/db/audited-write";
import { storeEventTypes, type WebhookEventType } from "./events";

/**
 * The deliveries of a change's event: one per enabled endpoint of the team subscribed to `type`,
 * written by `auditedWrite` in the change's own transaction after its audit row, so the change and
 * its deliveries commit together or not at all, and a change that did not happen sends nothing.
 * The audit event id is the message's `webhook-id`.
 */
export function webhookDeliveries(event: { type: WebhookEventType; at: Date; data: unknown }): Deliveries {
  return {
    type: event.type,
    eventPattern: `%${storeEventTypes([event.type])}%`,
    payload: JSON.stringify({ type: event.type, timestamp: event.at.toISOString(), data: event.data }),
  };
}

type WakeHook = { wake?: () => void };
const hook = globalThis as typeof globalThis & { __dncWebhookWorker?: WakeHook };

/**
 * Tells this process's worker deliveries were just queued, so they go now rather than at the next
 * poll. Only then: each wake costs the worker a claiming write, which a busy writer would otherwise
 * pay once per change for nothing.
 */
export function wakeWebhookWorker() {
  hook.__dncWebhookWorker?.wake?.();
}

export function onWebhookWake(wake: () => void) {
  hook.__dncWebhookWorker = { wake };
}
