import { type Attributes, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import type Redis from "ioredis";

type TracingProvider = { forceFlush(): Promise<void>; shutdown(): Promise<void> };

const globalForTracing = globalThis as unknown as { dncTracing?: TracingProvider };

/**
 * Starts OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set (the exporter reads it and the other
 * OTEL_* variables itself): spans go to that collector over OTLP/HTTP in batches. Next.js then opens
 * a span per request named by its route; Prisma's instrumentation adds the database's spans under it,
 * and `traced` the Redis commands and webhook deliveries. Unset, nothing is loaded and every span is
 * the API's no-op.
 */
export async function startTracing(): Promise<void> {
  if (!process.env.OTEL_EXPORTER_OTLP_ENDPOINT || globalForTracing.dncTracing) return;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }, { PrismaInstrumentation }] =
    await Promise.all([
      import("@opentelemetry/sdk-trace-node"),
      import("@opentelemetry/exporter-trace-otlp-http"),
      import("@opentelemetry/resources"),
      import("@prisma/instrumentation"),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": process.env.OTEL_SERVICE_NAME || "dnc-console" }),
    spanProcessors: [withoutQueryStrings, new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register();
  // Prisma's client looks for its instrumentation on globalThis, so enabling it is enough: no module patching.
  const prisma = new PrismaInstrumentation();
  prisma.setTracerProvider(provider);
  prisma.enable();
  globalForTracing.dncTracing = provider;
}

export function isTracing(): boolean {
  return globalForTracing.dncTracing !== undefined;
}

/** A client span per Redis command, ended when its answer (or failure) arrives. */
export function traceRedisCommands(client: Redis): void {
  const send = client.sendCommand.bind(client);
  client.sendCommand = (command, stream) => {
    const span = tracer().startSpan(`redis ${command.name}`, {
      kind: SpanKind.CLIENT,
      attributes: { "db.system.name": "redis", "db.operation.name": command.name },
    });
    command.promise.then(
      () => span.end(),
      (error: unknown) => {
        span.setStatus({ code: SpanStatusCode.ERROR, message: String(error) });
        span.end();
      },
    );
    return send(command, stream);
  };
}

/** Attributes that may hold a URL as asked for: Next.js puts the request's path and query in `http.target`. */
const URL_ATTRIBUTES = ["http.target", "http.url", "url.full"];

/**
 * Cuts the query string from a span's URL attributes before it is exported: a check's query is a
 * person's LinkedIn URL, personal data that has no place in a trace. It runs before the batch
 * processor, which only keeps a reference, so the exported span is the cut one.
 */
const withoutQueryStrings = {
  onStart: () => undefined,
  onEnd: (span: { attributes: Attributes }) => {
    for (const name of URL_ATTRIBUTES) {
      const value = span.attributes[name];
      if (typeof value === "string" && value.includes("?"))
        (span.attributes as Record<string, unknown>)[name] = value.slice(0, value.indexOf("?"));
    }
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

/** Sends the spans still in the batch and stops tracing; for a clean shutdown. */
export async function stopTracing(): Promise<void> {
  await globalForTracing.dncTracing?.shutdown();
}

/** Runs `work` inside a child span of the current one; a thrown error marks the span failed. */
export function traced<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>, kind = SpanKind.INTERNAL): Promise<T> {
  return tracer().startActiveSpan(name, { attributes, kind }, async (span) => {
    try {
      return await work(span);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      span.end();
    }
  });
}

const tracer = () => trace.getTracer("dnc-console");
