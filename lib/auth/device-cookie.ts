import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { sessionSecret } from "./secret";

/**
 * OWASP's device cookies ("Slow Down Online Guessing Attacks with Device Cookies"): a browser that
 * signed in to an account gets `<nonce>.<HMAC(session secret, email, nonce)>`. Password attempts for
 * that account which present it spend the device's own budget (lib/auth/sign-in-throttle.ts), so
 * guesses from elsewhere cannot lock its owner out. The e-mail is bound by the signature, not
 * written into the cookie: the cookie is only valid for the account it is checked against.
 */
const MAX_AGE_S = 365 * 24 * 60 * 60;

const isHttps = () => env().NEXTAUTH_URL?.startsWith("https:") === true;

/** `__Host-` under https (Secure, this host only, path /), like the session cookie's `__Secure-`; only that name is read there. */
export function deviceCookieName(): string {
  return isHttps() ? "__Host-dnc-device" : "dnc-device";
}

function signature(email: string, nonce: string): Buffer {
  return createHmac("sha256", sessionSecret()).update(`dnc-device-cookie\n${email}\n${nonce}`).digest();
}

/** A new device cookie for a browser that just proved it knows `email`'s password, as a Set-Cookie value. */
function newDeviceCookie(email: string): string {
  const nonce = randomBytes(16).toString("base64url");
  const attributes = ["Path=/", `Max-Age=${MAX_AGE_S}`, "HttpOnly", "SameSite=Lax", ...(isHttps() ? ["Secure"] : [])];
  return [`${deviceCookieName()}=${nonce}.${signature(email, nonce).toString("base64url")}`, ...attributes].join("; ");
}

/**
 * The answer of the sign-in request being handled, which gets the device cookie. Set on next-auth's
 * own Response rather than through next/headers' cookies(): merging those re-parses next-auth's
 * Set-Cookie headers, and one that carries a callback URL such as `%ff` does not decode (a 500).
 */
const signInAnswer = new AsyncLocalStorage<{ deviceCookie?: string }>();

/** Runs next-auth's handler; a device cookie issued meanwhile (a password sign-in that succeeded) is added to its answer. */
export async function withDeviceCookie(handle: () => Promise<Response>): Promise<Response> {
  const answer: { deviceCookie?: string } = {};
  const response = await signInAnswer.run(answer, handle);
  if (answer.deviceCookie) response.headers.append("Set-Cookie", answer.deviceCookie);
  return response;
}

/** Called when a password sign-in succeeds, inside `withDeviceCookie`. */
export function issueDeviceCookie(email: string) {
  const answer = signInAnswer.getStore();
  if (!answer) throw new Error("a device cookie can only be issued while next-auth's handler runs (withDeviceCookie)");
  answer.deviceCookie = newDeviceCookie(email);
}

/** The device's nonce when `value` is a device cookie issued for `email`; undefined for none, a forged one or another account's. */
export function trustedDevice(value: string | undefined, email: string): string | undefined {
  const [nonce, mac, ...rest] = (value ?? "").split(".");
  if (!nonce || !mac || rest.length > 0) return undefined;
  const expected = signature(email, nonce);
  const actual = Buffer.from(mac, "base64url");
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? nonce : undefined;
}
