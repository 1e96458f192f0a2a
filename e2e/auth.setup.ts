import { E2E_USER } from "./support/constants";
import { AUTH_FILE, expect, test } from "./support/fixtures";

// Signs in once through the real form; the specs reuse the session cookie.
test("sign in as the e2e user", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(E2E_USER.email);
  await page.getByLabel("Password").fill(E2E_USER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/entries$/);
  await page.context().storageState({ path: AUTH_FILE });
});
