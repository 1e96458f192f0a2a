import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { admitSsoUser } from "@/lib/members/admit-sso-user";
import { env } from "@/lib/env";
import { errorField, logger } from "@/lib/observability/logger";
import { safeRedirect } from "./callback-url";
import { issueDeviceCookie } from "./device-cookie";
import { attemptPassword, attemptSource } from "./password-attempt";
import { sessionSecret } from "./secret";
import { createSession, isSessionActive, revokeSession, SESSION_MAX_AGE_S } from "./sessions";

/** Thrown for a session cookie whose server-side session has ended. */
class SessionEnded extends Error {}

/** The sign-in error for a refused attempt: `too_many_attempts:<seconds to wait>` (the form shows the wait). */
const SIGN_IN_THROTTLED = "too_many_attempts";

/**
 * Credentials sign-in with JWT sessions. The token carries the user id and a server-side session id:
 * the session row is checked and memberships and roles are read on every request
 * (lib/auth/session.ts), and next-auth's own /api/auth/session checks the row too (the jwt
 * callback), so the token grants nothing by itself and sign-out ends it for good.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    callbacks: {
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
      async signIn({ account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = profile as { email?: string; email_verified?: boolean; name?: string } | undefined;
        const email = claims?.email?.trim().toLowerCase();
        // Only an address the provider vouches for, and only a member's or an invitee's.
        if (!email || claims?.email_verified !== true) return false;
        return (await admitSsoUser({ email, name: claims?.name || email.split("@")[0]! })) !== null;
      },
      async jwt({ token, user, account }) {
        // `user` is only present on the request that signed in: that is when the session row is made.
        if (user) {
          if (account?.provider === OIDC_PROVIDER_ID) {
            // The provider's subject is not our user id: the admitted account is found by its email.
            const db = await getDb();
            token.sub = (await db.user.findUniqueOrThrow({ where: { email: String(user.email).toLowerCase() } })).id;
          }
          token.sid = await createSession(token.sub!);
        } else if (!(await isSessionActive(token.sid, token.sub))) {
          // next-auth answers /api/auth/session with `{}` and clears the cookie when this callback throws.
          throw new SessionEnded();
        }
        return token;
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(token.sid);
      },
    },
    // A refused single sign-on comes back to the sign-in page with ?error=AccessDenied.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    logger: {
      // Unset on a zero-configuration install by design: the dashboard signs in and out with
      // redirect: false and navigates itself, so next-auth's absolute URLs are never followed.
      warn: (code) => {
        if (code !== "NEXTAUTH_URL") logger().warn({ code }, "next-auth warning");
      },
      error: (code, metadata) => {
        // A cookie whose session was ended (sign-out, a password change, removal) is expected, not an error.
        if (metadata instanceof SessionEnded) return;
        const cause = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
        logger().error({ code, error: errorField(cause ?? metadata) }, "next-auth error");
      },
      debug: () => undefined,
    },
    providers: [...(singleSignOn()?.only ? [] : [credentialsProvider()]), ...(singleSignOn() ? [oidcProvider()] : [])],
  };
}

const OIDC_PROVIDER_ID = "oidc";

/** Single sign-on when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set; `only` with DNC_SSO_ONLY=1. */
export function singleSignOn(): { name: string; only: boolean } | null {
  const config = env();
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return null;
  return { name: config.OIDC_NAME, only: config.DNC_SSO_ONLY === "1" };
}

/** next-auth's OpenID Connect client: discovery, the authorization code flow with PKCE and state, claims from the ID token. */
function oidcProvider(): OAuthConfig<{ sub: string; email?: string; name?: string }> {
  const config = env();
  return {
    id: OIDC_PROVIDER_ID,
    name: config.OIDC_NAME,
    type: "oauth",
    wellKnown: `${config.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    checks: ["pkce", "state"],
    idToken: true,
    profile: (claims: { sub: string; email?: string; name?: string }) => ({
      id: claims.sub,
      email: claims.email,
      name: claims.name ?? claims.email,
    }),
  };
}

function credentialsProvider() {
  return CredentialsProvider({
    name: "Email and password",
    credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
    async authorize(credentials, request) {
      const email = credentials?.email?.trim().toLowerCase() ?? "";
      const attempt = await attemptPassword({ email, password: credentials?.password ?? "", ...attemptSource(request?.headers ?? {}) });
      if (attempt.outcome === "throttled") throw new Error(`${SIGN_IN_THROTTLED}:${Math.ceil(attempt.retryAfterMs / 1000)}`);
      if (attempt.outcome === "wrong") return null;
      // This browser now knows the password: its later attempts for this account have a budget of their own.
      issueDeviceCookie(attempt.user.email);
      return attempt.user;
    },
  });
}
