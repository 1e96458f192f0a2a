import "server-only";
import type { LookupAddress, LookupOptions } from "node:dns";
import { SpanKind } from "@opentelemetry/api";
import { Agent, fetch, type Response } from "undici";
import { recordWebhookAttempt } from "@/lib/observability/metrics";
import { traced } from "@/lib/observability/tracing";
import { resolvePublicAddresses } from "./ssrf-guard";
import { signWebhook } from "./sign";

const TIMEOUT_MS = 5_000;
/** Enough of a receiver's answer to tell what went wrong, never its whole body. */
const RESPONSE_KEPT_BYTES = 4_096;

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Connects only to addresses that passed the guard at connect time, so a host that resolved to a
 * public address at registration cannot be re-pointed (DNS rebinding) at a private one.
 */
const dispatcher = new Agent({
  connect: {
    lookup: (hostname: string, options: LookupOptions, callback: LookupCallback) => {
      resolvePublicAddresses(hostname).then(
        (addresses) => (options.all ? callback(null, addresses) : callback(null, addresses[0]!.address, addresses[0]!.family)),
        (error: Error) => callback(error, ""),
      );
    },
  },
});

export type DeliveryOutcome = { ok: boolean; statusCode: number | null; latencyMs: number; error: string | null; response: string | null };

type Delivery = { eventId: string; payload: string; url: string; secret: string };

/** Sends one signed delivery, in a span of its own: the receiver's host, the event and the answer, never the path (it may carry a token). */
export function sendDelivery(delivery: Delivery): Promise<DeliveryOutcome> {
  const attributes = { "server.address": hostOf(delivery.url), "webhook.event_id": delivery.eventId };
  return traced(
    "webhook delivery",
    attributes,
    async (span) => {
      const outcome = await post(delivery);
      recordWebhookAttempt(outcome);
      span.setAttributes({
        "http.response.status_code": outcome.statusCode ?? 0,
        "webhook.delivered": outcome.ok,
      });
      return outcome;
    },
    SpanKind.CLIENT,
  );
}

/** A 2xx is success; a redirect (not followed), another status, a timeout or a refused address is a failure. */
async function post(delivery: Delivery): Promise<DeliveryOutcome> {
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    // IP literals skip the connect-time lookup: check them (and every host) once more here.
    await resolvePublicAddresses(new URL(delivery.url).hostname);
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "dnc-console-webhooks",
        "webhook-id": delivery.eventId,
        "webhook-timestamp": String(timestamp),
        "webhook-signature": signWebhook(delivery.secret, delivery.eventId, timestamp, delivery.payload),
      },
      body: delivery.payload,
      redirect: "manual",
      dispatcher,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const body = await readCapped(response);
    const ok = response.status >= 200 && response.status < 300;
    const error = ok
      ? null
      : response.status >= 300 && response.status < 400
        ? `redirect (not followed) to ${response.headers.get("location") ?? "?"}`
        : `HTTP ${response.status}`;
    return { ok, statusCode: response.status, latencyMs: latency(), error, response: body };
  } catch (error) {
    return { ok: false, statusCode: null, latencyMs: latency(), error: describe(error), response: null };
  }
}

async function readCapped(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < RESPONSE_KEPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_KEPT_BYTES).toString("utf8");
}

function describe(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return `no answer within ${TIMEOUT_MS / 1000} s`;
  const cause = (error as { cause?: unknown })?.cause;
  const message = cause instanceof Error ? cause.message : error instanceof Error ? error.message : String(error);
  return message.slice(0, 500);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}
