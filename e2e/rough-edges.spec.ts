import { expectNoAxeViolations } from "./support/accessibility";
import { expect, openAsTeam, test } from "./support/fixtures";
import { joinByInvitation, signInAs, uniqueEmail } from "./support/members";
import { toasts } from "./support/toasts";

/** Issue 19, items 5, 6, 9 and 11: the keyboard's way in, roles that ask first, no dead ends, re-invitations that warn. */

test("the first Tab offers Skip to content, which takes focus past the header; a highlighted menu item is outlined", async ({ page }) => {
  await openAsTeam(page, "roles", "/members");
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
  // The next Tab is on the page, not in the header's navigation.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => document.activeElement?.closest("header") === null)).toBe(true);

  await page.getByRole("button", { name: "Account", exact: true }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("ArrowDown");
  const highlighted = page.locator("[role=menuitem][data-highlighted]");
  await expect(highlighted).toHaveCount(1);
  // Read until the highlight has settled on its item (Radix moves it as the menu opens).
  await expect.poll(() => highlighted.evaluate((item) => getComputedStyle(item).outlineStyle)).not.toBe("none");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `the account menu with a highlighted item (${colorScheme})`);
  }
  await page.keyboard.press("Escape");
});

test("a role change asks first, naming the old and new role; cancelling changes nothing", async ({ page, browser, baseURL }) => {
  await openAsTeam(page, "roles", "/members");
  const person = await joinByInvitation({ ownerPage: page, browser, baseURL, team: "roles", role: "viewer", label: "role" });
  await person.page.context().close();
  await page.goto("/members");
  const role = page.getByLabel(`Role of ${person.name}`);
  await expect(role).toHaveValue("viewer");

  // One keystroke on the select (Viewer is its last option) no longer makes anyone an admin.
  await role.focus();
  await page.keyboard.press("ArrowUp");
  const confirm = page.getByRole("alertdialog", { name: `Make ${person.name} an admin?` });
  await expect(confirm).toContainText(`${person.name}'s role goes from Viewer to Admin`);
  await expect(confirm).toContainText("Admins add, import, remove and restore entries");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `the role-change confirmation (${colorScheme})`);
  }
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toBeHidden();
  await expect(role).toHaveValue("viewer");
  await page.reload();
  await expect(page.getByLabel(`Role of ${person.name}`)).toHaveValue("viewer");

  // Owner says what it grants; confirming changes it.
  await page.getByLabel(`Role of ${person.name}`).selectOption("owner");
  const toOwner = page.getByRole("alertdialog", { name: `Make ${person.name} an owner?` });
  await expect(toOwner).toContainText("from Viewer to Owner");
  await expect(toOwner).toContainText("make or remove other owners");
  await toOwner.getByRole("button", { name: "Make owner" }).click();
  await expect(toasts(page).getByText(`${person.name} is now owner.`)).toBeVisible();
  await expect(page.getByLabel(`Role of ${person.name}`)).toHaveValue("owner");
});

test("re-inviting an address with a pending invitation warns that the earlier link stops working", async ({ page }) => {
  const email = uniqueEmail("again");
  await openAsTeam(page, "roles", "/members");
  await page.getByRole("button", { name: "Invite" }).click();
  let dialog = page.getByRole("dialog");
  await dialog.getByLabel("Email").fill(email);
  await expect(dialog.getByText(/has a pending invitation/)).toHaveCount(0);
  await dialog.getByRole("button", { name: "Create invitation" }).click();
  await dialog.getByRole("button", { name: "Done" }).click();

  await page.getByRole("button", { name: "Invite" }).click();
  dialog = page.getByRole("dialog");
  await expect(dialog.getByLabel("Email")).toHaveValue("");
  await dialog.getByLabel("Email").fill(email.toUpperCase());
  const warning = dialog.getByText(`${email} has a pending invitation`);
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("the earlier link stops working");
  await expect(dialog.getByLabel("Email")).toHaveAttribute("aria-describedby", "invite-pending");
  await expectNoAxeViolations(page, "the invite dialog with its warning");
  await dialog.getByLabel("Email").fill(uniqueEmail("other"));
  await expect(warning).toBeHidden();
  await dialog.getByRole("button", { name: "Cancel" }).click();
});

test("someone who left their last team is not stranded: signed in again, the page offers Account settings and Sign out, and both work", async ({
  page,
  browser,
  baseURL,
}) => {
  await openAsTeam(page, "no-team", "/members");
  const person = await joinByInvitation({ ownerPage: page, browser, baseURL, team: "no-team", role: "viewer", label: "leaver" });
  const theirs = person.page;
  await theirs.goto("/members");
  await theirs.getByRole("button", { name: "Leave the team" }).click();
  await theirs.getByRole("alertdialog").getByRole("button", { name: "Leave team" }).click();
  // Leaving the last team ends the person's sessions (lib/members/remove-member.ts); their account stays.
  await expect(theirs).toHaveURL(/\/sign-in/);
  await signInAs(theirs, person.email, person.password);

  await expect(theirs.getByRole("heading", { name: "No team yet" })).toBeVisible();
  await expect(theirs.getByText(`${person.email} is not a member of any team.`)).toBeVisible();
  for (const colorScheme of ["light", "dark"] as const) {
    await theirs.emulateMedia({ colorScheme });
    await expectNoAxeViolations(theirs, `the No team page (${colorScheme})`);
  }
  await theirs.getByRole("link", { name: "Account settings" }).click();
  await expect(theirs.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
  await expect(theirs.getByText(`Signed in as ${person.name} (${person.email}).`)).toBeVisible();
  await expect(theirs.getByLabel("Current password")).toBeVisible();

  await theirs.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(theirs).toHaveURL(/\/sign-in/);
  await theirs.goto("/entries");
  await expect(theirs).toHaveURL(/\/sign-in/);
  await theirs.context().close();
});

test("the audit log keeps its filter and page across a reload, and a phone shows each event's actor and reason", async ({ page }) => {
  await openAsTeam(page, "roles", "/members");
  // Two invitations: two member.invited events to filter on.
  for (const label of ["audit-a", "audit-b"]) {
    await page.getByRole("button", { name: "Invite" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Email").fill(uniqueEmail(label));
    await dialog.getByRole("button", { name: "Create invitation" }).click();
    await dialog.getByRole("button", { name: "Done" }).click();
  }
  await page.goto("/audit");
  await page.getByLabel("Action").selectOption({ label: "Member invited" });
  await expect(page).toHaveURL(/[?&]action=member\.invited/);
  await page.reload();
  await expect(page.getByLabel("Action")).toHaveValue("member.invited");
  const rows = page.getByRole("table", { name: "Audit events" }).getByRole("row");
  await expect(rows.filter({ hasText: "Member invited" }).first()).toBeVisible();
  await expect(rows.filter({ hasText: "Member joined" })).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  const first = rows.filter({ hasText: "Member invited" }).first();
  await expect(first.getByText(/^By e2e@dnc\.test/)).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Actor" })).toBeHidden();
});

test("a day typed into the date filter before the page has hydrated still filters", async ({ page }) => {
  // The scripts are held back, so the field is the server's HTML alone when the day is typed.
  let releaseScripts!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
  await page.route(
    (url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"),
    async (route) => {
      await scriptsHeld;
      await route.continue();
    },
  );
  await openAsTeam(page, "roles", "/entries", undefined, "domcontentloaded");
  await page.getByLabel("To").fill("2026-03-01");
  releaseScripts();
  await expect(page).toHaveURL(/[?&]to=2026-03-01(&|$)/);
  await expect(page.getByLabel("To")).toHaveValue("2026-03-01");
  await page.getByLabel("From").fill("2026-02-01");
  await expect(page).toHaveURL(/[?&]from=2026-02-01&to=2026-03-01(&|$)/);
  await expect(page.getByLabel("To")).toHaveValue("2026-03-01");
});

test("a From date after To is explained beside the fields, and Swap dates puts them in order", async ({ page }) => {
  await openAsTeam(page, "roles", "/entries");
  const from = page.getByLabel("From");
  const to = page.getByLabel("To");
  // A day typed before the page has hydrated never reaches the app (the field shows it, the URL does
  // not), so the first is typed until the URL has it.
  await expect(async () => {
    await to.fill("2026-03-01");
    await expect(page).toHaveURL(/[?&]to=2026-03-01(&|$)/, { timeout: 1000 });
  }).toPass();
  // Typed back to back from here, each field keeps the other's day, whichever is typed first.
  await from.fill("2026-03-10");
  await expect(page.getByText("From is after To, so nothing can match.")).toBeVisible();
  await expect(to).toHaveValue("2026-03-01");
  await from.fill("");
  await to.fill("");
  await from.fill("2026-03-10");
  await to.fill("2026-03-01");
  await expect(page.getByText("From is after To, so nothing can match.")).toBeVisible();
  await expect(from).toHaveValue("2026-03-10");
  await expect(page).toHaveURL(/[?&]from=2026-03-10&to=2026-03-01(&|$)/);
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "the date filter with From after To");
  await page.getByRole("button", { name: "Swap dates" }).click();
  await expect(from).toHaveValue("2026-03-01");
  await expect(to).toHaveValue("2026-03-10");
  await expect(page.getByText("From is after To, so nothing can match.")).toHaveCount(0);
});
