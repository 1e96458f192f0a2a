import "server-only";
import { webhookContracts } from "@/lib/contracts/webhooks";
import { defineRoute } from "@/lib/http/define-route";
import { listDeliveries, resendDelivery } from "@/lib/webhooks/deliveries";
import { deleteEndpoint, listEndpoints, updateEndpoint } from "@/lib/webhooks/manage-endpoints";
import { registerEndpoint } from "@/lib/webhooks/register-endpoint";

/** The server side of the webhook contracts (lib/contracts/webhooks.ts). */

export const listWebhooksRoute = defineRoute(webhookContracts.listWebhooks, {
  handle: async ({ caller }) => ({ webhooks: await listEndpoints(caller.teamId) }),
});

export const createWebhookRoute = defineRoute(webhookContracts.createWebhook, {
  handle: ({ caller, body }) => registerEndpoint({ caller, url: body.url, events: body.events }),
});

export const updateWebhookRoute = defineRoute(webhookContracts.updateWebhook, {
  handle: ({ caller, id, body }) => updateEndpoint({ teamId: caller.teamId, id, ...body }),
});

export const deleteWebhookRoute = defineRoute(webhookContracts.deleteWebhook, {
  handle: async ({ caller, id }) => {
    await deleteEndpoint({ teamId: caller.teamId, id });
    return { message: "Webhook deleted" as const };
  },
});

export const listDeliveriesRoute = defineRoute(webhookContracts.listDeliveries, {
  handle: async ({ caller, id }) => ({ deliveries: await listDeliveries({ teamId: caller.teamId, endpointId: id }) }),
});

export const resendDeliveryRoute = defineRoute(webhookContracts.resendDelivery, {
  handle: ({ caller, id, childId }) => resendDelivery({ teamId: caller.teamId, endpointId: id, deliveryId: childId }),
});
