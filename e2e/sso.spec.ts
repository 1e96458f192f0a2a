import path from "node:path";
import type { Page } from "@playwright/test";
import { freePort, type RunningServer, startServer } from "../tests/support/server";
import { E2E_SERVER_ENV } from "./support/constants";
import { expect, openAsTeam, test } from "./support/fixtures";
import { freshPage, invite, uniqueEmail } from "./support/members";
import { SSO_CLIENT, startOpenIdProvider } from "./support/openid-provider";

// Single sign-on against a real OpenID Provider started here: a server of its own (same build and
// database) configured for it, and one more with DNC_SSO_ONLY=1.
const SSO_NAME = "Acme SSO";

/** Through the provider's login page and consent, back to the app. */
async function signInWithProvider(page: Page, login: string) {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: `Sign in with ${SSO_NAME}` }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
}

test("single sign-on: an invited email gets in, an unknown one is refused, and DNC_SSO_ONLY hides the password form", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const [providerPort, appPort, ssoOnlyPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const appUrl = (port: number) => `http://127.0.0.1:${port}`;
  const provider = await startOpenIdProvider({
    port: providerPort,
    redirectUris: [appPort, ssoOnlyPort].map((port) => `${appUrl(port)}/api/auth/callback/oidc`),
  });
  const servers: RunningServer[] = [];
  const start = (port: number, extra: Record<string, string> = {}) =>
    startServer({
      databaseUrl: process.env.E2E_DATABASE_URL!,
      logFile: path.join(process.env.E2E_WORK_DIR!, `sso-server-${port}.log`),
      port,
      env: {
        ...E2E_SERVER_ENV,
        // OAuth redirects are built from the public URL, so it must be set for single sign-on.
        NEXTAUTH_URL: appUrl(port),
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: SSO_CLIENT.id,
        OIDC_CLIENT_SECRET: SSO_CLIENT.secret,
        OIDC_NAME: SSO_NAME,
        ...extra,
      },
    });
  try {
    servers.push(await start(appPort));
    const invited = uniqueEmail("sso");
    await openAsTeam(page, "sso", "/members");
    await invite(page, "sso", invited, "viewer");

    const newcomer = await freshPage(browser, appUrl(appPort));
    await signInWithProvider(newcomer, invited);
    await expect(newcomer).toHaveURL(/\/entries$/);
    await expect(newcomer.getByRole("button", { name: /Team: E2E sso/ })).toBeVisible();
    await newcomer.goto("/members");
    await expect(newcomer.getByRole("row").filter({ hasText: invited })).toContainText("Viewer");

    // Signing in again needs no invitation: the email is a member now.
    const again = await freshPage(browser, appUrl(appPort));
    await signInWithProvider(again, invited);
    await expect(again).toHaveURL(/\/entries$/);

    for (const login of [uniqueEmail("stranger"), uniqueEmail("unverified")]) {
      const stranger = await freshPage(browser, appUrl(appPort));
      await signInWithProvider(stranger, login);
      await expect(stranger).toHaveURL(/\/sign-in\?error=AccessDenied/);
      await expect(stranger.getByText(/has no access to DNC Console/)).toBeVisible();
      expect((await stranger.request.get("/api/v1/dnc")).status()).toBe(401);
    }

    servers.push(await start(ssoOnlyPort, { DNC_SSO_ONLY: "1" }));
    const ssoOnly = await freshPage(browser, appUrl(ssoOnlyPort));
    await ssoOnly.goto("/sign-in");
    await expect(ssoOnly.getByRole("button", { name: `Sign in with ${SSO_NAME}` })).toBeVisible();
    await expect(ssoOnly.getByLabel("Password")).toHaveCount(0);
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await provider.stop();
  }
});
