import { z } from "zod";

export const WEBHOOK_EVENT_TYPES = [
  "dnc.added",
  "dnc.deleted",
  "dnc.restored",
  "dnc.alias_added",
  "dnc.alias_removed",
  "dnc.updated",
  "dnc.expired",
] as const;
export const webhookEventTypeSchema = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.output<typeof webhookEventTypeSchema>;

/** Stored between commas so one type matches with `LIKE '%,<type>,%'` on both databases. */
export const storeEventTypes = (types: readonly WebhookEventType[]) => `,${[...new Set(types)].join(",")},`;
export const readEventTypes = (stored: string) => stored.split(",").filter(Boolean) as WebhookEventType[];
