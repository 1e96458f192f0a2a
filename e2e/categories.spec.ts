import { expectNoAxeViolations } from "./support/accessibility";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";
import { joinByInvitation } from "./support/members";
import { toasts } from "./support/toasts";

// Why an entry is listed and when its opt-out came in: chosen in Add, shown and filtered in the table;
// protected entries removed only by an owner with a reason; the opt-out window in Settings.
// Writes go to teams `categories` and `protected-admin`.

const DAY_MS = 86_400_000;

test("a complaint added 20 days after it came in is protected and late; only with a reason does its owner remove it", async ({ page }) => {
  const url = `https://linkedin.com/in/complaint-${Date.now().toString(36)}`;
  await openAsTeam(page, "categories");

  await page.getByRole("button", { name: "Add URL" }).click();
  const add = page.getByRole("dialog", { name: "Add to the list" });
  await add.getByLabel("LinkedIn profile URL, company page or domain").fill(url);
  await add.getByLabel("Category").selectOption("complaint");
  await expect(add).toContainText("Only an owner can remove a protected entry");
  await add.getByLabel("Opt-out received on (optional)").fill(new Date(Date.now() - 20 * DAY_MS).toISOString().slice(0, 10));
  await expectNoAxeViolations(page, "the Add dialog with a category");
  await add.getByRole("button", { name: "Add to list" }).click();
  await expect(toasts(page).getByText(`Added ${url}`)).toBeVisible();
  await add.getByRole("button", { name: "Close" }).click();

  const row = page.getByRole("row").filter({ hasText: url });
  await expect(row).toContainText("Complaint");
  await expect(row).toContainText("Protected");
  await expect(row).toContainText("Late");

  // The filters live in the URL, as the others do.
  await page.getByRole("button", { name: /^Category/ }).click();
  await page
    .getByRole("dialog", { name: "Filter by Category" })
    .getByRole("checkbox", { name: /^Complaint\b/ })
    .click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/category=complaint/);
  await page.getByRole("button", { name: /^Window/ }).click();
  await page
    .getByRole("dialog", { name: "Filter by Window" })
    .getByRole("checkbox", { name: /^Added late\b/ })
    .click();
  await page.keyboard.press("Escape");
  await expect(page).toHaveURL(/late=true/);
  await page.reload();
  await expect(page.getByRole("row").filter({ hasText: url })).toBeVisible();
  await expect(page.getByText("1–1 of 1")).toBeVisible();

  await page.getByRole("button", { name: `Actions for ${url}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove this entry?" });
  await expect(confirm).toContainText("This is a protected entry (a complaint or a legal demand): say why it is removed.");
  const remove = confirm.getByRole("button", { name: "Remove entry" });
  await expect(remove).toBeDisabled();
  await confirm.getByLabel("Reason (required, kept in the audit log)").fill("Written consent received on 3 March");
  await remove.click();
  await expect(page.getByText("No entries match")).toBeVisible();

  const trail = await apiAs("categories", `/api/v1/audit?action=dnc.deleted`);
  expect(trail.body.data.events[0]).toMatchObject({ url, reason: "Written consent received on 3 March" });
});

test("an admin is not offered Delete on a protected entry nor to lift its protection, which its owner does in Edit; Settings changes the opt-out window", async ({
  page,
  browser,
  baseURL,
}) => {
  const legal = `https://linkedin.com/in/legal-${Date.now().toString(36)}`;
  const plain = `${legal}-plain`;
  for (const body of [{ url: legal, category: "legal" }, { url: plain }]) {
    expect((await apiAs("protected-admin", "/api/v1/dnc", { method: "POST", body })).status).toBe(201);
  }
  await openAsTeam(page, "protected-admin");
  const admin = await joinByInvitation({ ownerPage: page, browser, baseURL, team: "protected-admin", role: "admin", label: "protected" });

  await admin.page.getByRole("button", { name: `Actions for ${legal}`, exact: true }).click();
  await expect(admin.page.getByRole("menuitem", { name: "History" })).toBeVisible();
  await expect(admin.page.getByRole("menuitem", { name: "Delete" })).toHaveCount(0);
  await admin.page.keyboard.press("Escape");
  // Selected with another entry, the confirmation says the protected one stays.
  await admin.page.getByRole("checkbox", { name: `Select ${legal}`, exact: true }).check();
  await admin.page.getByRole("checkbox", { name: `Select ${plain}` }).check();
  await admin.page.getByRole("button", { name: /^Delete 2/ }).click();
  await expect(admin.page.getByRole("alertdialog")).toContainText(
    "1 of them are protected (a complaint or a legal demand): only an owner can remove them",
  );
  await admin.page.getByRole("button", { name: "Cancel" }).click();

  // Edit offers an admin the protected categories alone for a legal entry.
  await admin.page.getByRole("button", { name: `Actions for ${legal}`, exact: true }).click();
  await admin.page.getByRole("menuitem", { name: "Edit" }).click();
  const edit = admin.page.getByRole("dialog", { name: `Edit ${legal}` });
  await expect(edit.getByLabel("Category").locator("option")).toHaveText(["Complaint (protected)", "Legal (protected)"]);
  await expect(edit).toContainText("Only an owner can make a complaint or a legal demand another category.");
  await edit.getByRole("button", { name: "Cancel" }).click();

  // The owner lifts the protection from the same dialog; the audit log says from what to what.
  await page.reload();
  await page.getByRole("button", { name: `Actions for ${legal}`, exact: true }).click();
  await page.getByRole("menuitem", { name: "Edit" }).click();
  const ownerEdit = page.getByRole("dialog", { name: `Edit ${legal}` });
  await ownerEdit.getByLabel("Category").selectOption("customer");
  await ownerEdit.getByLabel("Note").fill("Became a customer");
  await expectNoAxeViolations(page, "the Edit dialog");
  await ownerEdit.getByRole("button", { name: "Save" }).click();
  await expect(toasts(page).getByText(`Saved ${legal}`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: legal }).filter({ hasNotText: plain })).toContainText("Customer");

  await admin.page.getByRole("link", { name: "Settings" }).click();
  const days = admin.page.getByLabel("Honour opt-outs within (days)");
  await expect(days).toHaveValue("10");
  await days.fill("30");
  await admin.page.getByRole("button", { name: "Save" }).click();
  await expect(toasts(admin.page).getByText("Opt-outs are now honoured within 30 days.")).toBeVisible();
  await expectNoAxeViolations(admin.page, "the Settings page");
  await admin.page.getByRole("link", { name: "Audit log" }).click();
  await expect(admin.page.getByRole("row").filter({ hasText: "Settings changed" })).toContainText("Opt-out window: 10 → 30 days");
  await expect(admin.page.getByRole("row").filter({ hasText: "Entry updated" })).toContainText("Category: Legal → Customer");
});
