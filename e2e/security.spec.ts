import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, openAsTeam, test } from "./support/fixtures";
import { expectToast } from "./support/toasts";

/** A page on another origin (another port) that tries to frame the dashboard, as a clickjacking page would. */
async function framingSite(target: string): Promise<{ url: string; server: Server }> {
  const server = createServer((_request, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><title>elsewhere</title><iframe id="victim" src="${target}" width="800" height="600"></iframe>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

test("another origin cannot frame the dashboard", async ({ page, baseURL }) => {
  const site = await framingSite(`${baseURL}/entries`);
  try {
    const refusals: string[] = [];
    page.on("console", (message) => {
      if (/frame-ancestors|Refused to (display|frame)/i.test(message.text())) refusals.push(message.text());
    });
    await page.goto(site.url);
    await expect.poll(() => refusals.length).toBeGreaterThan(0);
    const framed = page.frames().find((frame) => frame !== page.mainFrame());
    expect(framed).toBeDefined();
    expect(await framed!.locator("text=Do Not Contact").count()).toBe(0);
    expect(framed!.url()).not.toContain("/entries");
  } finally {
    site.server.close();
  }
});

test("the dashboard's pages run under their Content-Security-Policy with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  for (const [path, heading] of [
    ["/entries", /Do Not Contact/],
    ["/import", /Import/],
    ["/audit", /Audit log/],
    ["/api-keys", /API keys/],
    ["/members", /Members/],
    ["/account", /Account/],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.headers()["content-security-policy"]).toContain("'strict-dynamic'");
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  }
  // Hydrated, so the nonce let Next's scripts run: a client-side control responds.
  await page.goto("/entries");
  await page.getByRole("button", { name: "Account", exact: true }).click();
  await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
  await page.keyboard.press("Escape");
  // A toast: Sonner adds its own <style> element and styles its region inline, both allowed by style-src.
  await openAsTeam(page, "csp");
  await page.getByRole("button", { name: "Add URL" }).click();
  await page.getByLabel("LinkedIn profile URL").fill("linkedin.com/in/under-the-policy");
  await page.getByRole("button", { name: "Add to list" }).click();
  await expectToast(page, "Added https://linkedin.com/in/under-the-policy");
  expect(violations).toEqual([]);
});
