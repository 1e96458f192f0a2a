import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { getRedis } from "@/lib/redis/client";
import { safeRedirect } from "./callback-url";
import { decoyPasswordHash, verifyPassword } from "./password";
import { RedisSignInThrottle } from "./redis-sign-in-throttle";
import { sessionSecret } from "./secret";
import { createSession, revokeSession, SESSION_MAX_AGE_S } from "./sessions";
import { SignInThrottle } from "./sign-in-throttle";

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

/** The sign-in error for a refused attempt: `too_many_attempts:<seconds to wait>` (the form shows the wait). */
const SIGN_IN_THROTTLED = "too_many_attempts";

/**
 * Credentials sign-in with JWT sessions. The token carries the user id and a server-side session id:
 * the session row is checked and memberships and roles are read on every request
 * (lib/auth/session.ts), so the token grants nothing by itself and sign-out ends it for good.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      async jwt({ token, user }) {
        // `user` is only present on the request that signed in: that is when the session row is made.
        if (user) token.sid = await createSession(user.id);
        return token;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
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
          const address = clientAddress(request?.headers ?? {});
          const throttle = signInThrottle();
          // Counted before the password is checked: parallel guesses cannot all get in ahead of the count.
          const reservation = await throttle.reserve(email, address);
          if (reservation.attemptId === undefined) {
            throw new Error(`${SIGN_IN_THROTTLED}:${Math.ceil(reservation.retryAfterMs / 1000)}`);
          }

          const db = await getDb();
          const user = await db.user.findUnique({ where: { email } });
          const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
          if (!user || !valid) return null;
          await throttle.succeeded(email, address, reservation.attemptId);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
    ],
  };
}
