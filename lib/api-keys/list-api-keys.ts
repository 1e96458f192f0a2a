import "server-only";
import type { z } from "zod";
import { getDb } from "@/lib/db";
import type { apiKeySchema } from "./schemas";

/** The team's keys without their hashes: prefix, scope and usage are all a person needs to tell them apart. */
export async function listApiKeys(teamId: string): Promise<z.output<typeof apiKeySchema>[]> {
  const db = await getDb();
  const keys = await db.apiKey.findMany({
    where: { teamId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, scope: true, prefix: true, clientId: true, createdAt: true, lastUsedAt: true, revokedAt: true },
  });
  return keys.map((key) => ({
    ...key,
    scope: key.scope as "read" | "write",
    createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null,
    revokedAt: key.revokedAt?.toISOString() ?? null,
  }));
}
