// Connect and verify the database at start-up, so a misconfigured or non-durable database stops the
// server before it answers a single request. Redis gets a short first connection attempt: the app
// starts without it (checks from the database, writes refused) and picks it up when it comes.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { databaseProvider, getDb } = await import("@/lib/db");
    await getDb();
    if (databaseProvider() === "sqlite") {
      const { sqliteWriter } = await import("@/lib/db/sqlite-writer");
      sqliteWriter();
    }
    const { getRedis } = await import("@/lib/redis/client");
    await getRedis()?.firstConnection;
  }
}
