import type { Server } from "node:http";

export const SSO_CLIENT = { id: "dnc-console", secret: "dnc-console-test-secret" };

/**
 * A real OpenID Provider (the `oidc-provider` package) on a local port, for the single sign-on
 * tests. Its development login page accepts any login and password; the login becomes the account:
 * `sub` and `email`, verified unless the login contains "unverified".
 */
export async function startOpenIdProvider(options: {
  port: number;
  redirectUris: string[];
}): Promise<{ issuer: string; stop: () => Promise<void> }> {
  const { default: Provider } = await import("oidc-provider");
  const issuer = `http://127.0.0.1:${options.port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: SSO_CLIENT.id,
        client_secret: SSO_CLIENT.secret,
        redirect_uris: options.redirectUris,
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // next-auth reads the profile from the ID token.
    conformIdTokenClaims: false,
    findAccount: async (_context: unknown, login: string) => ({
      accountId: login,
      claims: async () => ({ sub: login, email: login, email_verified: !login.includes("unverified"), name: login.split("@")[0] }),
    }),
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["e2e-openid-provider-cookie-key"] },
    ttl: { AccessToken: 600, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
  });
  const server: Server = provider.listen(options.port);
  await new Promise<void>((resolve) => server.once("listening", resolve));
  return { issuer, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
