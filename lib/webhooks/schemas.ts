import { z } from "zod";
import { webhookEventTypeSchema } from "./events";

export const webhookIdSchema = z.string().regex(/^whk_[A-Za-z0-9]{1,64}$/);
export const deliveryIdSchema = z.string().regex(/^evt_[A-Za-z0-9]{1,64}_whk_[A-Za-z0-9]{1,64}$/);

const urlField = z.string().max(2000).describe("Where deliveries are POSTed: http(s), a host that resolves to public addresses");
const eventsField = z.array(webhookEventTypeSchema).min(1).describe("The event types sent to this endpoint");

export const createWebhookBodySchema = z.object({ url: urlField, events: eventsField });

export const updateWebhookBodySchema = z
  .object({
    url: urlField.optional(),
    events: eventsField.optional(),
    enabled: z.boolean().optional().describe("true re-enables a disabled endpoint"),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "Nothing to change" });

export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEventTypeSchema),
  enabled: z.boolean(),
  disabledReason: z.string().nullable().describe("Why deliveries stopped, when the endpoint kept failing"),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
});
export type WebhookEndpointDto = z.output<typeof webhookEndpointSchema>;

export const createdWebhookSchema = webhookEndpointSchema.extend({
  secret: z.string().describe("The signing secret (whsec_…): shown in this response only"),
});

export const listWebhooksResultSchema = z.object({ webhooks: z.array(webhookEndpointSchema) });

export const webhookDeliverySchema = z.object({
  id: z.string(),
  eventId: z.string().describe("The webhook-id header: the same on every attempt"),
  type: webhookEventTypeSchema,
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastLatencyMs: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastResponse: z.string().nullable().describe("The first 4 KiB of the last answer's body"),
  nextAttemptAt: z.iso.datetime().nullable().describe("Set while the delivery is pending"),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  history: z
    .array(
      z.object({
        at: z.iso.datetime(),
        statusCode: z.number().int().nullable(),
        latencyMs: z.number().int().nullable(),
        error: z.string().nullable(),
      }),
    )
    .describe(
      "Every attempt, newest first (at most 50), before and after any resend: `attempts` counts those of the current round of retries",
    ),
});
export type WebhookDeliveryDto = z.output<typeof webhookDeliverySchema>;

export const listDeliveriesResultSchema = z.object({ deliveries: z.array(webhookDeliverySchema) });
