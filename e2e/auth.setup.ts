import { AUTH_FILE, signIn, test } from "./support/fixtures";

// Signs in once through the real form; the specs reuse the session cookie.
test("sign in as the e2e user", async ({ page }) => {
  await signIn(page);
  await page.context().storageState({ path: AUTH_FILE });
});
