import { readEventTypes, type WebhookEventType } from "./events";
import type { WebhookDeliveryDto, WebhookEndpointDto } from "./schemas";

export const ENDPOINT_SELECT = {
  id: true,
  url: true,
  events: true,
  enabled: true,
  disabledReason: true,
  createdAt: true,
  createdBy: true,
} as const;

export function serializeEndpoint(row: {
  id: string;
  url: string;
  events: string;
  enabled: boolean;
  disabledReason: string | null;
  createdAt: Date;
  createdBy: string;
}): WebhookEndpointDto {
  return { ...row, events: readEventTypes(row.events), createdAt: row.createdAt.toISOString() };
}

/** Attempts listed per delivery: the retry schedule has a handful, and a few resends more. */
const MAX_HISTORY = 50;

export const DELIVERY_SELECT = {
  id: true,
  eventId: true,
  type: true,
  status: true,
  attempts: true,
  lastStatusCode: true,
  lastLatencyMs: true,
  lastError: true,
  lastResponse: true,
  nextAttemptAt: true,
  createdAt: true,
  deliveredAt: true,
  history: {
    select: { attemptedAt: true, statusCode: true, latencyMs: true, error: true },
    orderBy: { attemptedAt: "desc" },
    take: MAX_HISTORY,
  },
} as const;

export function serializeDelivery(row: {
  id: string;
  eventId: string;
  type: string;
  status: string;
  attempts: number;
  lastStatusCode: number | null;
  lastLatencyMs: number | null;
  lastError: string | null;
  lastResponse: string | null;
  nextAttemptAt: Date;
  createdAt: Date;
  deliveredAt: Date | null;
  history: { attemptedAt: Date; statusCode: number | null; latencyMs: number | null; error: string | null }[];
}): WebhookDeliveryDto {
  return {
    ...row,
    history: row.history.map(({ attemptedAt, ...attempt }) => ({ at: attemptedAt.toISOString(), ...attempt })),
    type: row.type as WebhookEventType,
    status: row.status as WebhookDeliveryDto["status"],
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
  };
}
