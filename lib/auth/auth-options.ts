import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { decoyPasswordHash, verifyPassword } from "./password";
import { sessionSecret } from "./secret";
import { getRedis } from "@/lib/redis/client";
import { RedisSignInThrottle } from "./redis-sign-in-throttle";
import { SignInThrottle } from "./sign-in-throttle";

const THROTTLE = { windowMs: 15 * 60_000, perEmail: 5, perAddress: 50 };

const globalForThrottle = globalThis as unknown as { dncSignInThrottle?: SignInThrottle | RedisSignInThrottle };

/** With REDIS_URL the failures are counted across all instances; without it, in this process. */
function signInThrottle() {
  if (!globalForThrottle.dncSignInThrottle) {
    const local = new SignInThrottle(THROTTLE);
    const redis = getRedis();
    globalForThrottle.dncSignInThrottle = redis ? new RedisSignInThrottle(redis, THROTTLE, local) : local;
  }
  return globalForThrottle.dncSignInThrottle;
}

export const SIGN_IN_THROTTLED = "too_many_attempts";

/**
 * Credentials sign-in with JWT sessions. The token carries only the user id: memberships and roles
 * are looked up on every request (lib/auth/session.ts), so the token grants nothing by itself.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
    pages: { signIn: "/sign-in" },
    logger: {
      // Unset on a zero-configuration install by design: the dashboard signs in and out with
      // redirect: false and navigates itself, so next-auth's absolute URLs are never followed.
      warn: (code) => {
        if (code !== "NEXTAUTH_URL") console.warn(`[next-auth][warn][${code}]`);
      },
      error: (code, metadata) => console.error(`[next-auth][error][${code}]`, metadata),
      debug: () => undefined,
    },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, request) {
          const email = credentials?.email?.trim().toLowerCase() ?? "";
          const password = credentials?.password ?? "";
          // next-auth does not pass the socket's address; behind a proxy, X-Forwarded-For names the
          // client. Without it there is no address to count, and one shared bucket would let anyone
          // lock everyone out, so only the per-account limit applies.
          const forwarded = request?.headers?.["x-forwarded-for"];
          const address = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || null;
          const throttle = signInThrottle();
          if ((await throttle.retryAfterMs(email, address)) > 0) throw new Error(SIGN_IN_THROTTLED);

          const db = await getDb();
          const user = await db.user.findUnique({ where: { email } });
          const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
          if (!user || !valid) {
            await throttle.recordFailure(email, address);
            return null;
          }
          await throttle.recordSuccess(email);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
  };
}
