import "server-only";
import { getDb, readDurability } from "@/lib/db";

/** Database state for load balancers and operators; durability is what an acknowledged change relies on. */
export async function checkHealth() {
  try {
    const durability = await readDurability(await getDb());
    return { ok: true, database: { ok: true, engine: "sqlite", ...durability } };
  } catch (error) {
    console.error(JSON.stringify({ level: "error", msg: "health check failed", error: String(error) }));
    return { ok: false, database: { ok: false, engine: "sqlite" } };
  }
}
