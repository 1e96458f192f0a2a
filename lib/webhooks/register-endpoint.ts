import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { writeTransaction } from "@/lib/db/write";
import { newWebhookEndpointId } from "@/lib/ids";
import { storeEventTypes, type WebhookEventType } from "./events";
import { ENDPOINT_SELECT, serializeEndpoint } from "./serialize";
import { newWebhookSecret } from "./sign";
import { assertWebhookUrl } from "./ssrf-guard";

/** Registers an endpoint after checking its URL (`invalid_webhook_url`); the signing secret is returned this once. */
export async function registerEndpoint(options: { caller: Caller; url: string; events: WebhookEventType[] }) {
  await assertWebhookUrl(options.url);
  const secret = newWebhookSecret();
  const [row] = await writeTransaction((db) => [
    db.webhookEndpoint.create({
      data: {
        id: newWebhookEndpointId(),
        teamId: options.caller.teamId,
        url: options.url,
        events: storeEventTypes(options.events),
        secret,
        createdBy: options.caller.actor,
      },
      select: ENDPOINT_SELECT,
    }),
  ]);
  return { ...serializeEndpoint(row), secret };
}
