import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { SignInThrottle } from "@/lib/auth/sign-in-throttle";

function throttleWithClock() {
  const clock = { now: 0 };
  const throttle = new SignInThrottle({ windowMs: 60_000, perEmail: 3, perAddress: 5, now: () => clock.now });
  return { clock, throttle };
}

describe("SignInThrottle", () => {
  it("refuses an account after its limit of failures until the oldest ages out", () => {
    const { clock, throttle } = throttleWithClock();
    for (let i = 0; i < 3; i++) {
      expect(throttle.retryAfterMs("a@x", "1.1.1.1")).toBe(0);
      throttle.recordFailure("a@x", "1.1.1.1");
      clock.now += 1000;
    }
    expect(throttle.retryAfterMs("a@x", "2.2.2.2")).toBe(57_000);
    expect(throttle.retryAfterMs("b@x", "2.2.2.2")).toBe(0);
    clock.now = 60_000;
    expect(throttle.retryAfterMs("a@x", "2.2.2.2")).toBe(0);
  });

  it("limits one address spraying many accounts", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 5; i++) throttle.recordFailure(`user${i}@x`, "9.9.9.9");
    expect(throttle.retryAfterMs("someone@x", "9.9.9.9")).toBeGreaterThan(0);
    expect(throttle.retryAfterMs("someone@x", "8.8.8.8")).toBe(0);
  });

  it("without a client address only the account is counted", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 10; i++) throttle.recordFailure(`user${i}@x`, null);
    expect(throttle.retryAfterMs("someone@x", null)).toBe(0);
    expect(throttle.retryAfterMs("user0@x", null)).toBe(0);
    for (let i = 0; i < 2; i++) throttle.recordFailure("user0@x", null);
    expect(throttle.retryAfterMs("user0@x", null)).toBeGreaterThan(0);
  });

  it("a correct password clears the account's failures but not the address's", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 2; i++) throttle.recordFailure("a@x", "1.1.1.1");
    throttle.recordSuccess("a@x");
    throttle.recordFailure("a@x", "1.1.1.1");
    throttle.recordFailure("a@x", "1.1.1.1");
    expect(throttle.retryAfterMs("a@x", "3.3.3.3")).toBe(0);
  });
});

describe("password hashing", () => {
  it("verifies the right password only, with a fresh salt each time", async () => {
    const first = await hashPassword("correct horse");
    const second = await hashPassword("correct horse");
    expect(first).not.toBe(second);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("correct horse", first)).toBe(true);
    expect(await verifyPassword("correct horsf", first)).toBe(false);
    expect(await verifyPassword("correct horse", "garbage")).toBe(false);
  });
});
