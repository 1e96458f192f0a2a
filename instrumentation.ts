// Connect and verify the database at start-up, so a misconfigured or non-durable database stops the
// server before it answers a single request. Redis is only awaited briefly: the app starts without
// it (checks from the database, writes refused) and picks it up when it comes.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("@/lib/db");
    await getDb();
    const { getRedis } = await import("@/lib/redis/client");
    const redis = getRedis();
    if (redis && redis.status !== "ready") {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        redis.once("ready", () => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}
