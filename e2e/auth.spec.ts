import { DEMO_PASSWORD } from "./support/constants";
import { expect, test } from "./support/fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

test("sign-in with a demo user, and sign-out", async ({ page }) => {
  await page.goto("/entries");
  await expect(page).toHaveURL(/\/sign-in$/);

  await page.getByLabel("Email").fill("owner@acme.test");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/entries$/);
  await expect(page.getByRole("button", { name: /Team: Acme Corp/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "https://linkedin.com/in/jane-doe", exact: true })).toBeVisible();
  await expect(page.getByText("1–5 of 5")).toBeVisible();

  const session = (await page.context().cookies()).find((cookie) => cookie.name === "next-auth.session-token");
  expect(session).toBeDefined();
  await page.getByRole("button", { name: "Account", exact: true }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto("/entries");
  await expect(page).toHaveURL(/\/sign-in$/);
  const response = await page.request.get("/api/v1/dnc");
  expect(response.status()).toBe(401);

  // The cookie, kept by someone who copied it before sign-out, no longer works: the session ended on the server.
  await page.context().addCookies([session!]);
  await page.goto("/entries");
  await expect(page).toHaveURL(/\/sign-in$/);
  expect((await page.request.get("/api/v1/dnc")).status()).toBe(401);
});
