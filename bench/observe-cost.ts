// What observing one answer costs in CPU, in isolation: lib/observability/observe-request.ts (the
// X-Request-Id header, the request counter and latency histogram, one pino line) against the same
// loop without it. Run by bench/observability.ts as its own process, its stdout (the log lines) sent
// to /dev/null; prints microseconds per request on stderr. CPU time, not wall time, so a busy
// machine inflates it less than it does req/s.
process.env.METRICS_TOKEN = "bench-metrics-token-0123456789";
process.env.LOG_LEVEL = "info";

const ITERATIONS = 50_000;
const ROUTES = ["/api/v1/dnc/check", "/api/v1/dnc/{id}", "/api/v1/dnc"];

async function main() {
  const { observed } = await import("@/lib/observability/observe-request");
  const { newRequestId } = await import("@/lib/ids");
  const caller = { teamId: "team_bench", actor: "key:dncsk_AbCdEf", via: "api_key" as const };
  const cpuMicros = (loop: () => void) => {
    const before = process.cpuUsage();
    loop();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / ITERATIONS;
  };
  const bare = () => {
    for (let i = 0; i < ITERATIONS; i++) {
      const response = new Response(null, { status: 200 });
      response.headers.set("X-Request-Id", newRequestId());
    }
  };
  const observedLoop = () => {
    for (let i = 0; i < ITERATIONS; i++) {
      const startedAt = performance.now();
      observed(new Response(null, { status: 200 }), {
        requestId: newRequestId(),
        route: ROUTES[i % ROUTES.length]!,
        method: "GET",
        startedAt,
        caller,
      });
    }
  };
  // Warm both paths up (JIT, the label children), then measure each three times and keep the lowest.
  bare();
  observedLoop();
  const best = (loop: () => void) => Math.min(cpuMicros(loop), cpuMicros(loop), cpuMicros(loop));
  const cost = best(observedLoop) - best(bare);
  process.stderr.write(`${JSON.stringify({ microsecondsPerRequest: cost })}\n`);
}

void main();
