// Connect and verify the database at start-up, so a misconfigured or non-durable database stops the
// server before it answers a single request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { getDb } = await import("@/lib/db");
    await getDb();
  }
}
