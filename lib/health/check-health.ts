import "server-only";
import { connectDatabase, databaseProvider } from "@/lib/db";
import { getRedis } from "@/lib/redis/client";
import { errorField, logger } from "@/lib/observability/logger";

/**
 * Dependency state for load balancers and operators. `ok` (HTTP 200 vs 503) follows the database
 * alone: without Redis an instance still answers checks from the database and refuses writes with
 * 503, which is better than every instance leaving the pool at once. `status` says "degraded" then.
 */
export async function checkHealth() {
  const [database, redis] = await Promise.all([databaseState(), redisState()]);
  const ok = database.ok;
  const status = !ok ? "down" : redis.ok === false ? "degraded" : "ok";
  return { ok, status, database, redis };
}

async function databaseState() {
  const engine = databaseProvider();
  try {
    const { reader, durability } = await connectDatabase();
    await reader.$queryRaw`SELECT 1`;
    // The writer's settings, as checked when it connected: they decide whether a change is durable.
    return engine === "sqlite" ? { ok: true, engine, ...durability } : { ok: true, engine };
  } catch (error) {
    logger().error({ error: errorField(error) }, "health: database unreachable");
    return { ok: false, engine };
  }
}

async function redisState() {
  const redis = getRedis();
  if (!redis) return { configured: false };
  try {
    await redis.firstConnection;
    await redis.client.ping();
    return { configured: true, ok: true };
  } catch {
    return { configured: true, ok: false };
  }
}
