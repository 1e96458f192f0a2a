import "server-only";
import { Gauge, type Registry } from "prom-client";
import { getRedis } from "@/lib/redis/client";
import { webhookBacklog } from "@/lib/webhooks/backlog";
import { errorField, logger } from "./logger";

/**
 * Gauges read from the system's state when Prometheus scrapes, not counted as things happen: the
 * webhook outbox (one indexed query) and the Redis connection. Registered on the first scrape.
 */
export function registerStateGauges(registry: Registry) {
  if (registry.getSingleMetric("dnc_webhook_outbox_pending")) return;
  // Both outbox gauges come from one query per scrape, whichever is collected first.
  let backlog: Promise<Awaited<ReturnType<typeof webhookBacklog>> | null> | undefined;
  const readBacklog = () => {
    if (!backlog) {
      backlog = webhookBacklog().catch((error: unknown) => {
        logger().error({ error: errorField(error) }, "metrics: webhook outbox unreadable");
        return null;
      });
      // Dropped once this scrape's gauges have read it: the next scrape queries afresh.
      void backlog.then(() => setImmediate(() => (backlog = undefined)));
    }
    return backlog;
  };
  new Gauge({
    name: "dnc_webhook_outbox_pending",
    help: "Webhook deliveries waiting to be sent (due now or retrying later) to enabled endpoints",
    registers: [registry],
    async collect() {
      const read = await readBacklog();
      if (read) this.set(read.pending);
    },
  });
  new Gauge({
    name: "dnc_webhook_outbox_oldest_due_age_seconds",
    help: "How long the longest-waiting due webhook delivery has been due; 0 when none is",
    registers: [registry],
    async collect() {
      const read = await readBacklog();
      if (read) this.set(read.oldestDueAt ? Math.max(0, (Date.now() - read.oldestDueAt.getTime()) / 1000) : 0);
    },
  });
  const redis = getRedis();
  if (redis) {
    new Gauge({
      name: "dnc_redis_up",
      help: "1 while the connection to Redis (REDIS_URL) is ready; 0 while it is not, when writes are refused (degraded)",
      registers: [registry],
      collect() {
        this.set(redis.client.status === "ready" ? 1 : 0);
      },
    });
  }
}
