import "server-only";
import Redis from "ioredis";
import { env } from "@/lib/env";

const globalForRedis = globalThis as unknown as { dncRedis?: Redis | null };

/**
 * The shared Redis connection when REDIS_URL is set, else null (single-process mode).
 * Commands fail fast while Redis is unreachable (no offline queue, short timeouts) so callers can
 * fall back or fail closed at once; the client keeps reconnecting in the background, so the app
 * recovers by itself when Redis returns.
 */
export function getRedis(): Redis | null {
  if (globalForRedis.dncRedis === undefined) {
    const url = env().REDIS_URL;
    globalForRedis.dncRedis = url
      ? new Redis(url, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          connectTimeout: 1000,
          commandTimeout: 500,
          retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
        })
      : null;
    globalForRedis.dncRedis?.on("error", (error: Error) => logRedisError("connection", error));
  }
  return globalForRedis.dncRedis;
}

let lastLogged = 0;

/** One line per second at most: an unreachable Redis would otherwise flood the log. */
export function logRedisError(context: string, error: unknown) {
  const now = Date.now();
  if (now - lastLogged < 1000) return;
  lastLogged = now;
  console.error(JSON.stringify({ level: "error", msg: `redis ${context} failed`, error: String(error) }));
}
