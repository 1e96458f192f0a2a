import "server-only";
import { env } from "@/lib/env";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Entries removed before this instant are no longer restorable (DNC_RESTORE_DAYS, 90 by default). */
export function restoreCutoff(now = new Date()): Date {
  return new Date(now.getTime() - env().DNC_RESTORE_DAYS * DAY_MS);
}
