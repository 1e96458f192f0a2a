import "server-only";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseProvider, sqliteFilePath } from "@/lib/db";
import { env } from "@/lib/env";

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
  const file = path.join(path.dirname(sqliteFilePath(env().DATABASE_URL)), "nextauth-secret");
  try {
    writeFileSync(file, randomBytes(32).toString("base64url"), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  cached = readFileSync(file, "utf8").trim();
  return cached;
}
