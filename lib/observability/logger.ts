import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * The server's log: one JSON object per line on stdout, at LOG_LEVEL (default info), with an ISO
 * time and the level's name. Kept on globalThis so every copy of this module Next.js loads writes
 * through one destination.
 *
 * What goes in at info and below is ids, never personal data or secrets: no API key (its public
 * prefix is the caller), no password, invitation or reset token, webhook secret, or LinkedIn URL
 * (an entry's id names it).
 */
const globalForLogger = globalThis as unknown as { dncLogger?: Logger };

export function logger(): Logger {
  globalForLogger.dncLogger ??= pino({
    level: env().LOG_LEVEL,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  });
  return globalForLogger.dncLogger;
}

/** An error as a log field: its stack where it has one. */
export function errorField(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return typeof error === "object" && error !== null ? JSON.stringify(error) : String(error);
}
