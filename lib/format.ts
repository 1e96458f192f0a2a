/**
 * How the dashboard writes numbers, dates and waits: one place, so every page reads the same
 * ("1,234", "12 Mar 2026, 14:05", "3 min 5 s").
 */

const NUMBER = new Intl.NumberFormat("en-US");
const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const DATE_TIME_UTC = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function formatNumber(value: number): string {
  return NUMBER.format(value);
}

/** An API timestamp (ISO 8601) in the browser's time zone. */
export function formatDateTime(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/** An API timestamp in UTC, marked as such: what a server, which does not know the reader's zone, can write. */
export function formatDateTimeUtc(iso: string): string {
  return `${DATE_TIME_UTC.format(new Date(iso))} UTC`;
}

/** A duration rounded up to whole seconds, as "42 s" or "3 min 5 s"; never negative. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** A countdown as the rate-limit notices show it: "7s", rounded up, never negative. */
export function formatCountdown(ms: number): string {
  return `${Math.max(0, Math.ceil(ms / 1000))}s`;
}
