import { E2E_USER } from "./support/constants";
import { expect, openAsTeam, test } from "./support/fixtures";
import { freshPage, invite, joinByInvitation, newPassword, uniqueEmail } from "./support/members";
import { toasts } from "./support/toasts";

test("an invited newcomer joins by link; the owner changes their role, then removes them and their open session is refused", async ({
  page,
  browser,
  baseURL,
}) => {
  const email = uniqueEmail("newcomer");
  const password = newPassword("newcomer");
  await openAsTeam(page, "members", "/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  const ownerRow = page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: E2E_USER.email });
  await expect(ownerRow.getByLabel("Role of E2E Tester")).toHaveValue("owner");
  // The only owner: no Leave button to offer.
  await expect(ownerRow.getByRole("button", { name: "Leave the team" })).toHaveCount(0);

  await page.getByRole("button", { name: "Invite" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("radio", { name: /^Viewer:/ }).check();
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const url = (await dialog.getByTestId("invitation-url").textContent())!.trim();
  expect(new URL(url).origin).toBe(new URL(baseURL!).origin);
  expect(new URL(url).pathname).toMatch(/^\/invite\/[^/]+$/);
  await expect(dialog).toContainText(email);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  // Shown once: the pending invitation is listed, its link is not.
  await expect(page.getByRole("table", { name: "Pending invitations" }).getByRole("row").filter({ hasText: email })).toContainText(
    "Viewer",
  );
  await expect(page.getByText(url)).toHaveCount(0);

  // The newcomer, in a browser of their own.
  const theirs = await freshPage(browser, baseURL);
  await theirs.goto(url);
  await expect(theirs.getByRole("heading", { name: "Join E2E members" })).toBeVisible();
  await expect(theirs.getByText(`${email} is invited to join E2E members as a viewer.`)).toBeVisible();
  await theirs.getByLabel("Your name").fill("Nora Newcomer");
  await theirs.getByLabel("Password", { exact: true }).fill(password);
  await theirs.getByLabel("Confirm password").fill(password);
  await theirs.getByRole("button", { name: "Create account and join E2E members" }).click();
  await expect(theirs).toHaveURL(/\/entries$/);
  await expect(theirs.getByRole("button", { name: /Team: E2E members/ })).toContainText("Viewer");
  await theirs.goto(url);
  await expect(theirs.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();

  await page.reload();
  const theirRow = page.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: email });
  await expect(theirRow).toContainText("Nora Newcomer");
  await expect(page.getByRole("table", { name: "Pending invitations" })).not.toContainText(email);

  await theirRow.getByLabel("Role of Nora Newcomer").selectOption("admin");
  await page.getByRole("alertdialog", { name: "Make Nora Newcomer an admin?" }).getByRole("button", { name: "Make admin" }).click();
  await expect(toasts(page).getByText("Nora Newcomer is now admin.")).toBeVisible();
  await theirs.goto("/members");
  await expect(theirs.getByRole("button", { name: /Team: E2E members/ })).toContainText("Admin");
  // An admin manages viewers and admins, not owners, and cannot make one.
  const ownerSeenByAdmin = theirs.getByRole("table", { name: "Members" }).getByRole("row").filter({ hasText: E2E_USER.email });
  await expect(ownerSeenByAdmin).toContainText("Owner");
  await expect(ownerSeenByAdmin.getByRole("combobox")).toHaveCount(0);
  await expect(ownerSeenByAdmin.getByRole("button")).toHaveCount(0);
  await theirs.getByRole("button", { name: "Invite" }).click();
  await expect(theirs.getByRole("dialog").getByRole("radio", { name: /^Admin:/ })).toBeVisible();
  await expect(theirs.getByRole("dialog").getByRole("radio", { name: /^Owner:/ })).toHaveCount(0);
  await theirs.keyboard.press("Escape");

  await theirRow.getByRole("button", { name: "Remove Nora Newcomer" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText(email);
  await confirm.getByRole("button", { name: "Remove member" }).click();
  await expect(toasts(page).getByText("Nora Newcomer was removed from E2E members.")).toBeVisible();
  await expect(theirRow).toHaveCount(0);

  // Their page is still open; removed from their only team, their session has ended: the next
  // request is refused and a reload asks them to sign in.
  const refused = await theirs.evaluate(async () => (await fetch("/api/v1/members", { headers: { "x-dnc-team": "members" } })).status);
  expect(refused).toBe(401);
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/sign-in/);
  await theirs.context().close();
});

test("the last owner cannot step down: the server's refusal is shown and the role stays", async ({ page }) => {
  await openAsTeam(page, "members", "/members");
  const role = page.getByLabel("Role of E2E Tester");
  await expect(role).toHaveValue("owner");
  await role.selectOption("admin");
  await page.getByRole("alertdialog", { name: "Make yourself an admin?" }).getByRole("button", { name: "Make admin" }).click();
  await expect(toasts(page).getByText(/^Could not change the role of E2E Tester: .*at least one owner/)).toBeVisible();
  await expect(role).toHaveValue("owner");
  await page.reload();
  await expect(page.getByRole("button", { name: /Team: E2E members/ })).toContainText("Owner");
});

test("a revoked invitation link says so", async ({ page, browser, baseURL }) => {
  const email = uniqueEmail("revoked");
  await openAsTeam(page, "members", "/members");
  await page.getByRole("button", { name: "Invite" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  const url = (await dialog.getByTestId("invitation-url").textContent())!.trim();
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: `Revoke the invitation for ${email}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke invitation" }).click();
  await expect(toasts(page).getByText(`The invitation for ${email} was revoked; its link no longer works.`)).toBeVisible();

  const theirs = await freshPage(browser, baseURL);
  await theirs.goto(url);
  await expect(theirs.getByRole("heading", { name: "This invitation was withdrawn" })).toBeVisible();
  await expect(theirs.getByLabel("Your name")).toHaveCount(0);
  await theirs.goto(`${new URL(url).origin}/invite/not-a-real-token`);
  await expect(theirs.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
  await theirs.context().close();
});

test("an existing account signs in from the invitation and joins with one click", async ({ page, browser, baseURL }) => {
  await openAsTeam(page, "members", "/members");
  const person = await joinByInvitation({ ownerPage: page, browser, baseURL, team: "members", role: "viewer", label: "second-team" });
  await person.page.context().close();
  const url = await invite(page, "account", person.email, "admin");

  const theirs = await freshPage(browser, baseURL);
  await theirs.goto(url);
  await theirs.getByRole("link", { name: "Sign in to accept" }).click();
  await expect(theirs).toHaveURL(/\/sign-in\?next=/);
  await theirs.getByLabel("Email").fill(person.email);
  await theirs.getByLabel("Password").fill(person.password);
  await theirs.getByRole("button", { name: "Sign in" }).click();
  await expect(theirs).toHaveURL(url);
  await theirs.getByRole("button", { name: "Accept and join E2E account" }).click();
  await expect(theirs).toHaveURL(/\/entries$/);
  await expect(theirs.getByRole("button", { name: /Team: E2E account/ })).toContainText("Admin");
  await theirs.context().close();
});
