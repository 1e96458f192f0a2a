import "server-only";
import { randomBytes } from "node:crypto";
import { databaseProvider } from "@/lib/db";
import { readFileBesideDatabase, writeFileBesideDatabase } from "@/lib/db/sqlite-file";
import { env } from "@/lib/env";

const SECRET_FILE = "nextauth-secret";
let cached: string | undefined;

/**
 * NEXTAUTH_SECRET when set; otherwise, on SQLite, a random secret kept beside the database file
 * (data/ by default), made on first use, so `npm start` needs no configuration and sessions survive
 * restarts. Creation uses an exclusive open: two processes starting together end up with the same
 * secret. On PostgreSQL (several instances, possibly on several machines) there is no shared file,
 * so the secret must be configured.
 */
export function sessionSecret(): string {
  if (cached) return cached;
  const configured = process.env.NEXTAUTH_SECRET;
  if (configured) return (cached = configured);
  if (databaseProvider() !== "sqlite") {
    throw new Error("NEXTAUTH_SECRET must be set, to the same value on every instance, when DATABASE_URL is PostgreSQL");
  }
  const databaseUrl = env().DATABASE_URL;
  writeFileBesideDatabase(databaseUrl, SECRET_FILE, randomBytes(32).toString("base64url"), { exclusive: true });
  cached = readFileBesideDatabase(databaseUrl, SECRET_FILE)!.trim();
  return cached;
}
