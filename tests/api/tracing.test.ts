import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestDatabase, openDatabase } from "../support/databases";
import { type RunningServer, startServer } from "../support/server";
import { startWebhookReceiver, waitFor, type WebhookReceiver } from "../support/webhook-receiver";

type ExportedSpan = { traceId: string; spanId: string; parentSpanId?: string; name: string; attributes: { key: string }[] };

/** An OTLP/HTTP collector in this process: it keeps every span the server exports as JSON. */
async function startCollector() {
  const spans: ExportedSpan[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      if (request.url === "/v1/traces") {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
          resourceSpans: { scopeSpans: { spans: ExportedSpan[] }[] }[];
        };
        for (const resource of body.resourceSpans) for (const scope of resource.scopeSpans) spans.push(...scope.spans);
      }
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, spans, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe("traces, when OTEL_EXPORTER_OTLP_ENDPOINT is set", () => {
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let hooks: WebhookReceiver;
  let server: RunningServer;
  let key: string;

  beforeAll(async () => {
    const workDir = inject("workDir");
    const database = await createTestDatabase(inject("engine"), workDir);
    const db = await openDatabase(database.url);
    const { generateApiKey } = await import("@/lib/api-keys/api-key-format");
    const generated = generateApiKey();
    key = generated.key;
    await db.team.create({ data: { id: "team_traces", name: "Traces", slug: "traces" } });
    await db.apiKey.create({
      data: { id: "key_traces", teamId: "team_traces", name: "t", scope: "write", prefix: generated.prefix, hash: generated.hash },
    });
    collector = await startCollector();
    hooks = await startWebhookReceiver();
    const redisUrl = inject("redisUrl");
    server = await startServer({
      databaseUrl: database.url,
      logFile: path.join(workDir, "tracing.log"),
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint,
        OTEL_BSP_SCHEDULE_DELAY: "100",
        OTEL_SERVICE_NAME: "dnc-console-test",
        ...(redisUrl ? { REDIS_URL: redisUrl } : {}),
      },
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await hooks?.close();
    await collector?.close();
  });

  /** The spans of the trace whose root is named like `root`, once that trace has a span matching each of `children`. */
  async function traceOf(root: RegExp, children: RegExp[]) {
    return waitFor(`a trace ${root} with ${children.join(", ")}`, () =>
      collector.spans
        .filter((span) => !span.parentSpanId && root.test(span.name))
        .map((candidate) => collector.spans.filter((span) => span.traceId === candidate.traceId))
        .find((spans) => children.every((child) => spans.some((span) => child.test(span.name)))),
    );
  }

  it("a check is one trace: a span named by its route, the database's spans (and Redis's, when it is there) beneath it", async () => {
    const check = await api("/api/v1/dnc/check?url=in%2Ftraced-person", { key, baseUrl: server.baseUrl });
    expect(check.status).toBe(200);
    const expected = [/^prisma:/, ...(inject("redisUrl") ? [/^redis /] : [])];
    const spans = await traceOf(/^GET \/api\/v1\/dnc\/check$/, expected);
    const root = spans.find((span) => !span.parentSpanId)!;
    const ids = new Set(spans.map((span) => span.spanId));
    // Every span hangs from the request: none is orphaned in another trace.
    for (const span of spans) if (span !== root) expect(ids.has(span.parentSpanId!), span.name).toBe(true);
    // The span names the route, not the URL asked for: no person's identifier is in the trace.
    expect(JSON.stringify(spans)).not.toContain("traced-person");
  });

  it("a webhook delivery is a span of its own, with the receiver's answer", async () => {
    const webhook = await api("/api/v1/webhooks", {
      method: "POST",
      key,
      body: { url: hooks.url(), events: ["dnc.added"] },
      baseUrl: server.baseUrl,
    });
    expect(webhook.status).toBe(201);
    expect((await api("/api/v1/dnc", { method: "POST", key, body: { url: "in/traced-hook" }, baseUrl: server.baseUrl })).status).toBe(201);
    const delivery = await waitFor("a webhook delivery's span", () => collector.spans.find((span) => span.name === "webhook delivery"));
    expect(delivery.attributes.map((attribute) => attribute.key)).toEqual(
      expect.arrayContaining(["server.address", "webhook.event_id", "http.response.status_code"]),
    );
  });
});
