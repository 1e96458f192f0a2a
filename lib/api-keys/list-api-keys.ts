import "server-only";
import { getDb } from "@/lib/db";

/** The team's keys without their hashes: prefix, scope and usage are all a person needs to tell them apart. */
export async function listApiKeys(teamId: string) {
  const db = await getDb();
  return db.apiKey.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
}
