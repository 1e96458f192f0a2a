import { z } from "zod";
import {
  createdWebhookSchema,
  createWebhookBodySchema,
  deliveryIdSchema,
  listDeliveriesResultSchema,
  listWebhooksResultSchema,
  updateWebhookBodySchema,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookIdSchema,
} from "@/lib/webhooks/schemas";
import { defineContract } from "./define-contract";

/** Signed webhooks: write API keys and owner/admin sessions (`write`); read keys and viewers get 403. */

const webhookId = { schema: webhookIdSchema, invalid: "webhook_not_found", example: "whk_AbC123" } as const;
const fieldError = (issue: z.core.$ZodIssue) =>
  issue.path.length === 0 ? "invalid_webhook_fields" : issue.path[0] === "url" ? "invalid_webhook_url" : "invalid_webhook_fields";
const bodyError = (issue: z.core.$ZodIssue) => (issue.path.length === 0 && issue.code !== "custom" ? "invalid_body" : fieldError(issue));

export const webhookContracts = {
  listWebhooks: defineContract({
    method: "GET",
    path: "/webhooks",
    summary: "The team's webhook endpoints",
    bucket: "read",
    permission: "webhooks.manage",
    success: { status: 200, data: listWebhooksResultSchema },
    errors: [],
  }),

  createWebhook: defineContract({
    method: "POST",
    path: "/webhooks",
    summary:
      "Register an endpoint for dnc.added, dnc.deleted, dnc.restored, dnc.alias_added, dnc.alias_removed, dnc.updated and dnc.expired events; its signing secret is in this response only",
    bucket: "write",
    permission: "webhooks.manage",
    body: { schema: createWebhookBodySchema, errorFor: bodyError },
    success: { status: 201, data: createdWebhookSchema },
    errors: ["invalid_webhook_url", "invalid_webhook_fields"],
  }),

  updateWebhook: defineContract({
    method: "PATCH",
    path: "/webhooks/{id}",
    summary: "Change an endpoint's URL or events, or disable or re-enable it",
    bucket: "write",
    permission: "webhooks.manage",
    id: webhookId,
    body: { schema: updateWebhookBodySchema, errorFor: bodyError },
    success: { status: 200, data: webhookEndpointSchema },
    errors: ["invalid_webhook_url", "invalid_webhook_fields", "webhook_not_found"],
  }),

  deleteWebhook: defineContract({
    method: "DELETE",
    path: "/webhooks/{id}",
    summary: "Delete an endpoint and its delivery log",
    bucket: "write",
    permission: "webhooks.manage",
    id: webhookId,
    success: { status: 200, data: z.object({ message: z.literal("Webhook deleted") }) },
    errors: ["webhook_not_found"],
  }),

  listDeliveries: defineContract({
    method: "GET",
    path: "/webhooks/{id}/deliveries",
    summary: "An endpoint's delivery log, newest first (the latest 100)",
    bucket: "read",
    permission: "webhooks.manage",
    id: webhookId,
    success: { status: 200, data: listDeliveriesResultSchema },
    errors: ["webhook_not_found"],
  }),

  resendDelivery: defineContract({
    method: "POST",
    path: "/webhooks/{id}/deliveries/{deliveryId}/resend",
    summary: "Send a delivery again now, with a fresh set of retries",
    bucket: "write",
    permission: "webhooks.manage",
    id: webhookId,
    childId: {
      name: "deliveryId",
      schema: deliveryIdSchema,
      invalid: "delivery_not_found",
      example: "evt_0mabc1230001AbCdEfGh_whk_AbC123",
    },
    success: { status: 200, data: webhookDeliverySchema },
    errors: ["delivery_not_found"],
  }),
};
