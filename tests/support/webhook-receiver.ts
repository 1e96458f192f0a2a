import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type ReceivedWebhook = { id: string; type: string; timestamp: string; data: any; headers: Record<string, string> };

/**
 * A webhook receiver of the test's own on 127.0.0.1: answers each request with `respond` (200 by
 * default), and keeps the deliveries it answered with 2xx after verifying each one's signature with
 * the `standardwebhooks` library, as a real receiver would. Every request, verified or not, is counted.
 */
export async function startWebhookReceiver() {
  const received: ReceivedWebhook[] = [];
  const requests: { path: string; headers: Record<string, string> }[] = [];
  let secret: string | undefined;
  let respond: (request: IncomingMessage, response: ServerResponse, index: number) => void = (_, response) => response.end("ok");
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = request.headers as Record<string, string>;
      requests.push({ path: request.url ?? "", headers });
      const index = requests.length - 1;
      const finish = response.end.bind(response);
      response.end = ((...args: Parameters<ServerResponse["end"]>) => {
        if (response.statusCode >= 200 && response.statusCode < 300 && secret) {
          const payload = new Webhook(secret).verify(body, headers) as { type: string; timestamp: string; data: unknown };
          received.push({ id: headers["webhook-id"]!, ...payload, headers });
        }
        return finish(...args);
      }) as ServerResponse["end"];
      respond(request, response, index);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path = "/hook") => `http://127.0.0.1:${port}${path}`,
    port,
    received,
    requests,
    /** The endpoint's signing secret, once registered: every 2xx delivery is verified with it. */
    setSecret: (value: string) => {
      secret = value;
    },
    respondWith: (handler: typeof respond) => {
      respond = handler;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;

/** Polls `condition` until it holds, or fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  condition: () => T | Promise<T>,
  timeoutMs = 20_000,
): Promise<NonNullable<Exclude<T, false | 0 | "">>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value as NonNullable<Exclude<T, false | 0 | "">>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
