// At start-up: start tracing when OTEL_EXPORTER_OTLP_ENDPOINT asks for it (lib/observability/tracing.ts:
// first, so the database's and Redis's clients are made traced), stamp every request with its socket's
// address (lib/http/client-address.ts), route what Next cannot (lib/http/request-guard.ts) to a 4xx
// and count requests in flight (lib/lifecycle/http-drain.ts), then
// connect and verify the database, so a misconfigured or non-durable database stops the server
// before it answers a single request, then start the webhook worker (lib/webhooks/worker.ts) and the expiry sweeper (lib/dnc/expiry-sweeper.ts). Redis gets a short first connection attempt: the app starts
// without it (checks from the database, writes refused) and picks it up when it comes.
// Last, SIGTERM and SIGINT get a clean shutdown (lib/lifecycle/shutdown.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startTracing, stopTracing } = await import("@/lib/observability/tracing");
    await startTracing();
    const { installPeerAddressStamp } = await import("@/lib/http/client-address");
    const { installRequestGuard } = await import("@/lib/http/request-guard");
    const { installHttpDrain } = await import("@/lib/lifecycle/http-drain");
    installPeerAddressStamp();
    installRequestGuard();
    installHttpDrain();
    const { connectDatabase, disconnectDatabase } = await import("@/lib/db");
    await connectDatabase();
    const { getRedis, closeRedis } = await import("@/lib/redis/client");
    await getRedis()?.firstConnection;
    const { startWebhookWorker } = await import("@/lib/webhooks/worker");
    const worker = startWebhookWorker();
    const { startExpirySweeper } = await import("@/lib/dnc/expiry-sweeper");
    const sweeper = startExpirySweeper();
    const { installShutdown } = await import("@/lib/lifecycle/shutdown");
    installShutdown({ work: [worker.stop, sweeper.stop], close: [disconnectDatabase, closeRedis, stopTracing] });
  }
}
