import { describe, expect, it } from "vitest";
import { formatCountdown, formatDateTime, formatDateTimeUtc, formatDuration, formatNumber } from "@/lib/format";

describe("formatNumber", () => {
  it.each([
    [0, "0"],
    [999, "999"],
    [100_000, "100,000"],
    [1_234_567, "1,234,567"],
  ])("%d → %s", (value, expected) => expect(formatNumber(value)).toBe(expected));
});

describe("formatDateTime", () => {
  it("writes day, short month, year and 24-hour time in the local time zone", () => {
    const local = new Date(2026, 2, 12, 14, 5);
    expect(formatDateTime(local.toISOString())).toBe("12 Mar 2026, 14:05");
  });
});

describe("formatDateTimeUtc", () => {
  it("writes the same instant in UTC, whatever the machine's zone, and says so", () => {
    expect(formatDateTimeUtc("2026-03-12T23:30:00.000Z")).toBe("12 Mar 2026, 23:30 UTC");
  });
});

describe("formatDuration", () => {
  it.each([
    [-500, "0 s"],
    [0, "0 s"],
    [1, "1 s"],
    [59_000, "59 s"],
    [59_001, "1 min 0 s"],
    [185_000, "3 min 5 s"],
  ])("%d ms → %s", (ms, expected) => expect(formatDuration(ms)).toBe(expected));
});

describe("formatCountdown", () => {
  it.each([
    [-1000, "0s"],
    [0, "0s"],
    [1, "1s"],
    [6_500, "7s"],
  ])("%d ms → %s", (ms, expected) => expect(formatCountdown(ms)).toBe(expected));
});
