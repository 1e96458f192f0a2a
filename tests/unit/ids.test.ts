import { describe, expect, it } from "vitest";
import { newRequestId, randomAlphanumeric } from "@/lib/ids";

describe("random ids", () => {
  it("are the length and alphabet asked for, across many refills of the pool", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const id = randomAlphanumeric(20);
      expect(id).toMatch(/^[A-Za-z0-9]{20}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(5000);
    expect(newRequestId()).toMatch(/^req_[A-Za-z0-9]{16}$/);
  });

  it("use every character about equally often (no modulo bias)", () => {
    const counts = new Map<string, number>();
    const sample = randomAlphanumeric(620_000);
    for (const character of sample) counts.set(character, (counts.get(character) ?? 0) + 1);
    expect(counts.size).toBe(62);
    // 10,000 expected per character; 5 standard deviations (~500) either side.
    for (const count of counts.values()) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });
});
