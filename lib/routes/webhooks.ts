import "server-only";
import { z } from "zod";
import { defineRoute } from "@/lib/http/define-route";
import { listDeliveries, resendDelivery } from "@/lib/webhooks/deliveries";
import { deleteEndpoint, listEndpoints, updateEndpoint } from "@/lib/webhooks/manage-endpoints";
import { registerEndpoint } from "@/lib/webhooks/register-endpoint";
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

/** Signed webhooks: write API keys and owner/admin sessions (`write`); read keys and viewers get 403. */

const webhookId = { schema: webhookIdSchema, invalid: "webhook_not_found", example: "whk_AbC123" } as const;
const fieldError = (issue: { path: PropertyKey[] }) =>
  issue.path.length === 0 ? "invalid_webhook_fields" : issue.path[0] === "url" ? "invalid_webhook_url" : "invalid_webhook_fields";

export const listWebhooksRoute = defineRoute({
  method: "GET",
  path: "/webhooks",
  summary: "The team's webhook endpoints",
  bucket: "read",
  access: "write",
  success: { status: 200, data: listWebhooksResultSchema },
  errors: [],
  handle: async ({ caller }) => ({ webhooks: await listEndpoints(caller.teamId) }),
});

export const createWebhookRoute = defineRoute({
  method: "POST",
  path: "/webhooks",
  summary: "Register an endpoint for dnc.added, dnc.deleted and dnc.restored events; its signing secret is in this response only",
  bucket: "write",
  access: "write",
  body: {
    schema: createWebhookBodySchema,
    errorFor: (issue) => (issue.path.length === 0 && issue.code !== "custom" ? "invalid_body" : fieldError(issue)),
  },
  success: { status: 201, data: createdWebhookSchema },
  errors: ["invalid_webhook_url", "invalid_webhook_fields"],
  handle: ({ caller, body }) => registerEndpoint({ caller, url: body!.url, events: body!.events }),
});

export const updateWebhookRoute = defineRoute({
  method: "PATCH",
  path: "/webhooks/{id}",
  summary: "Change an endpoint's URL or events, or disable or re-enable it",
  bucket: "write",
  access: "write",
  id: webhookId,
  body: {
    schema: updateWebhookBodySchema,
    errorFor: (issue) => (issue.path.length === 0 && issue.code !== "custom" ? "invalid_body" : fieldError(issue)),
  },
  success: { status: 200, data: webhookEndpointSchema },
  errors: ["invalid_webhook_url", "invalid_webhook_fields", "webhook_not_found"],
  handle: ({ caller, id, body }) => updateEndpoint({ teamId: caller.teamId, id, ...body! }),
});

export const deleteWebhookRoute = defineRoute({
  method: "DELETE",
  path: "/webhooks/{id}",
  summary: "Delete an endpoint and its delivery log",
  bucket: "write",
  access: "write",
  id: webhookId,
  success: { status: 200, data: z.object({ message: z.literal("Webhook deleted") }) },
  errors: ["webhook_not_found"],
  handle: async ({ caller, id }) => {
    await deleteEndpoint({ teamId: caller.teamId, id });
    return { message: "Webhook deleted" as const };
  },
});

export const listDeliveriesRoute = defineRoute({
  method: "GET",
  path: "/webhooks/{id}/deliveries",
  summary: "An endpoint's delivery log, newest first (the latest 100)",
  bucket: "read",
  access: "write",
  id: webhookId,
  success: { status: 200, data: listDeliveriesResultSchema },
  errors: ["webhook_not_found"],
  handle: async ({ caller, id }) => ({ deliveries: await listDeliveries({ teamId: caller.teamId, endpointId: id }) }),
});

export const resendDeliveryRoute = defineRoute({
  method: "POST",
  path: "/webhooks/{id}/deliveries/{deliveryId}/resend",
  summary: "Send a delivery again now, with a fresh set of retries",
  bucket: "write",
  access: "write",
  id: webhookId,
  childId: { name: "deliveryId", schema: deliveryIdSchema, invalid: "delivery_not_found", example: "evt_0mabc1230001AbCdEfGh_whk_AbC123" },
  success: { status: 200, data: webhookDeliverySchema },
  errors: ["delivery_not_found"],
  handle: ({ caller, id, childId }) => resendDelivery({ teamId: caller.teamId, endpointId: id, deliveryId: childId }),
});
