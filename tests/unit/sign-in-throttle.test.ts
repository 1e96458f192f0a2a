import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { addressDelayMs, SignInThrottle, type SignInReservation } from "@/lib/auth/sign-in-throttle";

function throttleWithClock() {
  const clock = { now: 0 };
  const throttle = new SignInThrottle({ windowMs: 60_000, perAccount: 3, perAddress: 5, maxAddressDelayMs: 8000, now: () => clock.now });
  return { clock, throttle };
}

const allowed = (reservation: SignInReservation) => reservation.attemptId !== undefined;

describe("SignInThrottle", () => {
  it("counts an attempt when it is reserved, before any password is checked: parallel guesses get the limit and no more", () => {
    const { throttle } = throttleWithClock();
    const reservations = Array.from({ length: 29 }, () => throttle.reserve("a@x", "1.1.1.1"));
    expect(reservations.filter(allowed)).toHaveLength(3);
    expect(allowed(throttle.reserve("a@x", "2.2.2.2"))).toBe(false);
  });

  it("refuses an account after its limit until the oldest attempt ages out", () => {
    const { clock, throttle } = throttleWithClock();
    for (let i = 0; i < 3; i++) {
      expect(allowed(throttle.reserve("a@x", "1.1.1.1"))).toBe(true);
      clock.now += 1000;
    }
    expect(throttle.reserve("a@x", "2.2.2.2").retryAfterMs).toBe(57_000);
    expect(allowed(throttle.reserve("b@x", "2.2.2.2"))).toBe(true);
    clock.now = 60_000;
    expect(allowed(throttle.reserve("a@x", "2.2.2.2"))).toBe(true);
  });

  it("a correct password clears the account and gives its address slot back", () => {
    const { throttle } = throttleWithClock();
    throttle.reserve("a@x", "1.1.1.1");
    throttle.reserve("a@x", "1.1.1.1");
    const right = throttle.reserve("a@x", "1.1.1.1");
    throttle.succeeded("a@x", "1.1.1.1", right.attemptId!);
    for (let i = 0; i < 3; i++) expect(allowed(throttle.reserve("a@x", "3.3.3.3"))).toBe(true);
    // 1.1.1.1 holds two failed attempts (the success was given back): three more are still free.
    for (let i = 0; i < 3; i++) expect(allowed(throttle.reserve(`other${i}@x`, "1.1.1.1"))).toBe(true);
    expect(allowed(throttle.reserve("late@x", "1.1.1.1"))).toBe(false);
  });

  it("a trusted device spends its own budget: the account's lockout does not reach it, nor its lockout the account", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 3; i++) expect(allowed(throttle.reserve("a@x", null))).toBe(true);
    expect(allowed(throttle.reserve("a@x", null))).toBe(false);
    for (let i = 0; i < 3; i++) expect(allowed(throttle.reserve("a@x", null, "device-1"))).toBe(true);
    expect(allowed(throttle.reserve("a@x", null, "device-1"))).toBe(false);
    const other = throttle.reserve("a@x", null, "device-2");
    expect(allowed(other)).toBe(true);
    // A right password clears only the budget it spent.
    throttle.succeeded("a@x", null, other.attemptId!, "device-2");
    expect(allowed(throttle.reserve("a@x", null))).toBe(false);
    expect(allowed(throttle.reserve("a@x", null, "device-1"))).toBe(false);
    for (let i = 0; i < 3; i++) expect(allowed(throttle.reserve("a@x", null, "device-2"))).toBe(true);
  });

  it("past its free attempts an address waits a delay that doubles, up to the cap, rather than being locked out", () => {
    const { clock, throttle } = throttleWithClock();
    for (let i = 0; i < 5; i++) expect(allowed(throttle.reserve(`user${i}@x`, "9.9.9.9"))).toBe(true);
    const waits: number[] = [];
    for (let i = 0; i < 5; i++) {
      const refused = throttle.reserve(`spray${i}@x`, "9.9.9.9");
      waits.push(refused.retryAfterMs);
      clock.now += refused.retryAfterMs;
      expect(allowed(throttle.reserve(`spray${i}@x`, "9.9.9.9"))).toBe(true);
    }
    expect(waits).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(allowed(throttle.reserve("someone@x", "8.8.8.8"))).toBe(true);
  });

  it("without a client address only the account is counted", () => {
    const { throttle } = throttleWithClock();
    for (let i = 0; i < 10; i++) expect(allowed(throttle.reserve(`user${i}@x`, null))).toBe(true);
    expect(allowed(throttle.reserve("user0@x", null))).toBe(true);
    expect(allowed(throttle.reserve("user0@x", null))).toBe(true);
    expect(allowed(throttle.reserve("user0@x", null))).toBe(false);
  });

  it("the delay grows only with attempts inside the window", () => {
    expect(addressDelayMs(4, 5, 60_000)).toBe(0);
    expect(addressDelayMs(5, 5, 60_000)).toBe(1000);
    expect(addressDelayMs(11, 5, 60_000)).toBe(60_000);
    expect(addressDelayMs(5000, 5, 60_000)).toBe(60_000);
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
