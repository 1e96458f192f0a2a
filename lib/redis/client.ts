import "server-only";
import Redis from "ioredis";
import { env } from "@/lib/env";
import { logger } from "@/lib/observability/logger";
import { isTracing, traceRedisCommands } from "@/lib/observability/tracing";

/** A Redis client and the end of its first connection attempt (connected or given up). */
export type SharedRedis = { client: Redis; firstConnection: Promise<void> };

const FIRST_CONNECTION_WAIT_MS = 2000;

const globalForRedis = globalThis as unknown as { dncRedis?: SharedRedis | null };

/**
 * The shared Redis connection when REDIS_URL is set, else null (single-process mode).
 * After the first connection attempt, commands fail fast while Redis is unreachable (no offline
 * queue, short timeouts) so callers fall back or fail closed at once; the client keeps
 * reconnecting in the background, so the app recovers by itself when Redis returns.
 */
export function getRedis(): SharedRedis | null {
  if (globalForRedis.dncRedis === undefined) {
    const url = env().REDIS_URL;
    if (!url) {
      globalForRedis.dncRedis = null;
    } else {
      const client = new Redis(url, {
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: 1000,
        commandTimeout: env().DNC_REDIS_COMMAND_TIMEOUT_MS,
        retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
      });
      client.on("error", (error: Error) => logRedisError("connection", error));
      if (isTracing()) traceRedisCommands(client);
      const firstConnection = new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, FIRST_CONNECTION_WAIT_MS);
        client.once("ready", () => {
          clearTimeout(timer);
          resolve();
        });
      });
      globalForRedis.dncRedis = { client, firstConnection };
    }
  }
  return globalForRedis.dncRedis;
}

/** Closes the shared connection at shutdown: QUIT when Redis answers, else just stop reconnecting. */
export async function closeRedis() {
  const shared = globalForRedis.dncRedis;
  if (!shared) return;
  await shared.client.quit().catch(() => shared.client.disconnect());
}

let lastLogged = 0;

/** One line per second at most: an unreachable Redis would otherwise flood the log. */
export function logRedisError(context: string, error: unknown) {
  const now = Date.now();
  if (now - lastLogged < 1000) return;
  lastLogged = now;
  logger().error({ error: String(error) }, `redis ${context} failed`);
}
