import { expect, openAsTeam, test } from "./support/fixtures";
import { freshPage, joinByInvitation, newPassword, signInAs } from "./support/members";
import { toasts } from "./support/toasts";

// The e2e user's password is shared by every spec: these tests change passwords of people of their own.

test("changing the password keeps this session, ends the others, and retires the old password", async ({ page, browser, baseURL }) => {
  await openAsTeam(page, "account", "/members");
  const person = await joinByInvitation({ ownerPage: page, browser, baseURL, team: "account", role: "viewer", label: "pw" });
  const first = person.page;
  const second = await freshPage(browser, baseURL);
  await signInAs(second, person.email, person.password);

  await first.getByRole("button", { name: "Account", exact: true }).click();
  await first.getByRole("menuitem", { name: "Account settings" }).click();
  await expect(first.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  const replacement = newPassword("pw-new");

  await first.getByLabel("Current password").fill("not-my-password-at-all");
  await first.getByLabel("New password", { exact: true }).fill(replacement);
  await first.getByLabel("Confirm new password").fill(replacement);
  await first.getByRole("button", { name: "Change password" }).click();
  await expect(first.getByRole("alert").filter({ hasText: /password/i })).toBeVisible();

  await first.getByLabel("Current password").fill(person.password);
  await first.getByRole("button", { name: "Change password" }).click();
  await expect(toasts(first).getByText("Password changed; your other sessions have ended.")).toBeVisible();
  await expect(first.getByRole("alert").filter({ hasText: /password/i })).toHaveCount(0);
  await expect(first.getByLabel("Current password")).toHaveValue("");

  await first.goto("/entries");
  await expect(first.getByRole("heading", { name: "Do Not Contact list" })).toBeVisible();
  await second.goto("/entries");
  await expect(second).toHaveURL(/\/sign-in$/);
  expect((await second.request.get("/api/v1/dnc", { headers: { "x-dnc-team": "account" } })).status()).toBe(401);

  await second.getByLabel("Email").fill(person.email);
  await second.getByLabel("Password").fill(person.password);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second.getByText("Wrong email or password.")).toBeVisible();
  await second.getByLabel("Password").fill(replacement);
  await second.getByRole("button", { name: "Sign in" }).click();
  await expect(second).toHaveURL(/\/entries$/);

  await first.context().close();
  await second.context().close();
});

test("sign out everywhere ends every session, this one included", async ({ page, browser, baseURL }) => {
  await openAsTeam(page, "account", "/members");
  const person = await joinByInvitation({ ownerPage: page, browser, baseURL, team: "account", role: "viewer", label: "everywhere" });
  const first = person.page;
  const second = await freshPage(browser, baseURL);
  await signInAs(second, person.email, person.password);

  await first.goto("/account");
  await first.getByRole("button", { name: "Sign out everywhere" }).click();
  await first.getByRole("alertdialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(first).toHaveURL(/\/sign-in$/);
  await first.goto("/entries");
  await expect(first).toHaveURL(/\/sign-in$/);

  await second.goto("/entries");
  await expect(second).toHaveURL(/\/sign-in$/);
  expect((await second.request.get("/api/v1/dnc", { headers: { "x-dnc-team": "account" } })).status()).toBe(401);

  await first.context().close();
  await second.context().close();
});
