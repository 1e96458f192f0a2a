import pino, { type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * The server's log: one JSON object per line on stdout, at LOG_LEVEL (default info), with an ISO
 * time and the level's name. Kept on globalThis so every copy of this module Next.js loads writes
 * through one destination.
 *
 * Written asynchronously: stdout is often a pipe, and a synchronous write blocks the event loop (every
 * request) whenever its reader falls behind. pino flushes what is buffered when the process exits;
 * past MAX_BUFFERED_BYTES (a reader stuck for that long) lines are dropped rather than held.
 *
 * What goes in at info and below is ids, never personal data or secrets: no API key (its public
 * prefix is the caller), no password, invitation or reset token, webhook secret, or LinkedIn URL
 * (an entry's id names it).
 */
const globalForLogger = globalThis as unknown as { dncLogger?: Logger };

const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

export function logger(): Logger {
  globalForLogger.dncLogger ??= pino(
    { level: env().LOG_LEVEL, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } },
    pino.destination({ dest: 1, sync: false, maxLength: MAX_BUFFERED_BYTES }),
  );
  return globalForLogger.dncLogger;
}

/** An error as a log field: its stack where it has one. */
export function errorField(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  return typeof error === "object" && error !== null ? JSON.stringify(error) : String(error);
}
