import "server-only";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { getRedis } from "@/lib/redis/client";
import { deviceCookieName, trustedDevice } from "./device-cookie";
import { decoyPasswordHash, verifyPassword } from "./password";
import { RedisSignInThrottle } from "./redis-sign-in-throttle";
import { parseCookieHeader } from "./session";
import { SignInThrottle } from "./sign-in-throttle";
import { recordSignInThrottled } from "@/lib/observability/metrics";

const globalForThrottle = globalThis as unknown as { dncSignInThrottle?: SignInThrottle | RedisSignInThrottle };

/** With REDIS_URL the attempts are counted across all instances; without it, in this process. */
function signInThrottle() {
  if (!globalForThrottle.dncSignInThrottle) {
    const config = env();
    const options = {
      windowMs: config.DNC_SIGNIN_WINDOW_MS,
      perAccount: config.DNC_SIGNIN_ACCOUNT_LIMIT,
      perAddress: config.DNC_SIGNIN_ADDRESS_LIMIT,
    };
    const local = new SignInThrottle(options);
    const redis = getRedis();
    globalForThrottle.dncSignInThrottle = redis ? new RedisSignInThrottle(redis, options, local) : local;
  }
  return globalForThrottle.dncSignInThrottle;
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Where a password attempt comes from: the client's address and the device cookie it presents. */
export function attemptSource(headers: HeaderSource): { address: string | null; deviceCookie: string | undefined } {
  const cookieHeader = headers instanceof Headers ? headers.get("cookie") : headers.cookie;
  const cookie = parseCookieHeader(Array.isArray(cookieHeader) ? cookieHeader.join("; ") : (cookieHeader ?? null));
  return { address: clientAddress(headers), deviceCookie: cookie(deviceCookieName()) };
}

export type PasswordAttempt =
  | { outcome: "throttled"; retryAfterMs: number }
  | { outcome: "wrong" }
  | { outcome: "right"; user: { id: string; email: string; name: string } };

/**
 * One guess at an account's password; sign-in and the password change spend the same budget.
 * 1. The budget is the device's when the request presents a device cookie issued for this e-mail,
 *    else the account's (shared by every untrusted client); the client address is counted too.
 * 2. The attempt is reserved before the password is checked: refused, nothing is checked.
 * 3. The password is checked, against a decoy hash when there is no such account (same time).
 * 4. Right: the budget it spent starts afresh.
 */
export async function attemptPassword(options: {
  email: string;
  password: string;
  address: string | null;
  deviceCookie: string | undefined;
}): Promise<PasswordAttempt> {
  const { email, address } = options;
  const device = trustedDevice(options.deviceCookie, email);
  const throttle = signInThrottle();
  const reservation = await throttle.reserve(email, address, device);
  if (reservation.attemptId === undefined) {
    recordSignInThrottled();
    return { outcome: "throttled", retryAfterMs: reservation.retryAfterMs };
  }

  const db = await getDb();
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
  const valid = await verifyPassword(options.password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !valid) return { outcome: "wrong" };
  await throttle.succeeded(email, address, reservation.attemptId, device);
  return { outcome: "right", user: { id: user.id, email: user.email, name: user.name } };
}
