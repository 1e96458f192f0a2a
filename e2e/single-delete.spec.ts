import { apiAs, expect, openAsTeam, seedEntries, test } from "./support/fixtures";
import { toasts } from "./support/toasts";

test("single delete: cancel, Escape and a click outside remove nothing; confirm removes with a reason in the audit log", async ({
  page,
}) => {
  const urls = await seedEntries("single", 3);
  const target = urls[1]!;
  await openAsTeam(page, "single");
  const row = page.getByRole("cell", { name: target, exact: true });
  await expect(row).toBeVisible();
  const deleteButton = page.getByRole("button", { name: `Delete ${target}` });

  const dialog = page.getByRole("alertdialog");
  await deleteButton.click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("list", { name: "Entries to remove" })).toHaveText(target);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();

  await deleteButton.click();
  await dialog.getByLabel(/Reason/).fill("typed, then abandoned");
  // Focus stays inside the dialog however far one tabs.
  for (let i = 0; i < 6; i++) await page.keyboard.press("Tab");
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();

  await deleteButton.click();
  await expect(dialog).toBeVisible();
  await page.mouse.click(10, 400);
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();
  expect((await apiAs("single", "/api/v1/dnc")).body.data.total).toBe(3);

  await deleteButton.click();
  await expect(dialog.getByLabel(/Reason/)).toHaveValue("");
  await dialog.getByLabel(/Reason/).fill("Consent withdrawn by email, ticket 4711");
  await dialog.getByRole("button", { name: "Remove entry" }).click();
  await expect(toasts(page).getByText(`Removed ${target}`)).toBeVisible();
  await expect(row).toBeHidden();
  expect((await apiAs("single", "/api/v1/dnc")).body.data.total).toBe(2);

  await page.getByRole("link", { name: "Audit log" }).click();
  const event = page.getByRole("row").filter({ hasText: target }).filter({ hasText: "Entry removed" });
  await expect(event).toBeVisible();
  await expect(event).toContainText("e2e@dnc.test");
  await expect(event).toContainText("Consent withdrawn by email, ticket 4711");
});
