import { readFileSync } from "node:fs";
import { test as base, expect, type Page } from "@playwright/test";
import { E2E_USER, type E2eFixtures, type E2eTeam } from "./constants";

export { expect };
export const AUTH_FILE = ".e2e-auth/e2e.json";

function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url) throw new Error("E2E_BASE_URL is not set: run the tests through playwright.config.ts");
  return url;
}

let cached: E2eFixtures | undefined;
function fixtures(): E2eFixtures {
  cached ??= JSON.parse(readFileSync(process.env.E2E_FIXTURES!, "utf8")) as E2eFixtures;
  return cached;
}

/** Every test gets the server the global setup started; specs start signed in as the e2e user. */
export const test = base.extend({
  baseURL: async ({}, use) => use(baseUrl()),
});

/** A request as a machine client makes it: the team's write key, no cookies; to the shared server unless `baseUrl` names another. */
export async function apiAs(team: E2eTeam, path: string, init: { method?: string; body?: unknown; baseUrl?: string } = {}) {
  const response = await fetch(`${init.baseUrl ?? baseUrl()}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${fixtures().teams[team]!.writeKey}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Adds profiles through the batch endpoint (its own rate-limit bucket, so the write budget stays whole). */
export async function seedEntries(team: E2eTeam, count: number, label = team): Promise<string[]> {
  const stamp = Date.now().toString(36);
  const urls = Array.from({ length: count }, (_, i) => `https://linkedin.com/in/${label}-${stamp}-${String(i).padStart(3, "0")}`);
  const response = await apiAs(team, "/api/v1/dnc/batch", { method: "POST", body: { entries: urls.map((url) => ({ url })) } });
  expect(response.status).toBe(201);
  expect(response.body.data.added).toBe(count);
  return urls;
}

/** Signs in through the real form, as a person does. */
export async function signIn(page: Page, origin = baseUrl()) {
  await page.goto(`${origin}/sign-in`);
  await page.getByLabel("Email").fill(E2E_USER.email);
  await page.getByLabel("Password").fill(E2E_USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/entries$/);
}

/** Selects the team through the team-switcher cookie, then opens the page. */
export async function openAsTeam(
  page: Page,
  team: E2eTeam,
  path = "/entries",
  origin = baseUrl(),
  /** "domcontentloaded": return with the server's HTML, before the scripts (a test that holds them back). */
  waitUntil: "load" | "domcontentloaded" = "load",
) {
  await page.context().addCookies([{ name: "dnc-team", value: team, url: origin }]);
  await page.goto(`${origin}${path}`, { waitUntil });
}

/** Moves focus with Tab (or Shift+Tab) until `label` has it: the way a keyboard user gets there. */
export async function tabTo(page: Page, label: RegExp, options: { backwards?: boolean; maxPresses?: number } = {}) {
  for (let i = 0; i < (options.maxPresses ?? 60); i++) {
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.getAttribute("aria-label") ?? ""} ${el.textContent ?? ""} #${el.id}`.trim() : "";
    });
    if (label.test(focused)) return;
    await page.keyboard.press(options.backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`focus never reached ${label}`);
}
