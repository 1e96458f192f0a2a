import type { Browser, Page } from "@playwright/test";
import { expect } from "./fixtures";
import type { E2eTeam } from "./constants";

/** An address no earlier run (or retry) has used. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@e2e.test`;
}

/** A password long and unusual enough for the server's rules. */
export function newPassword(label: string): string {
  return `${label}-${Math.random().toString(36).slice(2, 10)}-lantern-harbour`;
}

/** Invites through the API from the signed-in owner's page, as the dashboard does; returns the link. */
export async function invite(ownerPage: Page, team: E2eTeam, email: string, role: "owner" | "admin" | "viewer"): Promise<string> {
  const response = await ownerPage.evaluate(
    async ({ team, email, role }) => {
      const res = await fetch("/api/v1/invitations", {
        method: "POST",
        headers: { "x-dnc-team": team, "content-type": "application/json" },
        body: JSON.stringify({ email, role }),
      });
      return { status: res.status, body: await res.json() };
    },
    { team, email, role },
  );
  expect(response.status).toBe(201);
  return response.body.data.url as string;
}

/** Signs in through the real form in `page`'s context. */
export async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/entries$/);
}

/** A browser of its own, with nobody signed in. */
export async function freshPage(browser: Browser, baseURL: string | undefined): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, baseURL });
  return context.newPage();
}

/**
 * A new person in `team`: invited from the owner's page, and the account made through the
 * invitation page in a browser of their own, where they end up signed in.
 */
export async function joinByInvitation(options: {
  ownerPage: Page;
  browser: Browser;
  baseURL: string | undefined;
  team: E2eTeam;
  role: "owner" | "admin" | "viewer";
  label: string;
}) {
  const email = uniqueEmail(options.label);
  const password = newPassword(options.label);
  const url = await invite(options.ownerPage, options.team, email, options.role);
  const page = await freshPage(options.browser, options.baseURL);
  await page.goto(url);
  await page.getByLabel("Your name").fill(`Person ${options.label}`);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill(password);
  await page.getByRole("button", { name: /^Create account and join/ }).click();
  await expect(page).toHaveURL(/\/entries$/);
  return { email, password, name: `Person ${options.label}`, page };
}
