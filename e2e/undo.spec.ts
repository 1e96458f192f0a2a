import type { Page } from "@playwright/test";
import { RATE_WINDOW_MS } from "./support/constants";
import { apiAs, expect, openAsTeam, seedEntries, test } from "./support/fixtures";
import { expectToast } from "./support/toasts";

const count = (page: Page, label: string) => page.getByTestId(`count-${label}`).locator("dd");

test("Undo in the toast after a removal brings the entry back as it was; the audit log shows the restore", async ({ page }) => {
  const urls = await seedEntries("undo", 3);
  const target = urls[1]!;
  await openAsTeam(page, "undo");
  const row = page.getByRole("row").filter({ has: page.getByRole("cell", { name: target, exact: true }) });
  const added = await row.locator("time").getAttribute("datetime");
  // The server's HTML says UTC; the browser's own zone follows once the page has hydrated.
  await expect(row.locator("time")).not.toHaveText(/UTC$/);
  const addedText = await row.locator("time").textContent();

  await page.getByRole("button", { name: `Actions for ${target}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel(/Reason/).fill("wrong row");
  await dialog.getByRole("button", { name: "Remove entry" }).click();
  const removedToast = await expectToast(page, `Removed ${target}`);
  await expect(row).toBeHidden();

  await removedToast.getByRole("button", { name: "Undo" }).click();
  await expectToast(page, `Restored ${target}`);
  await expect(row).toBeVisible();
  // The same entry, not a new one: its added date is the original's.
  await expect(row.locator("time")).toHaveAttribute("datetime", added!);
  await expect(row.locator("time")).toHaveText(addedText!);
  expect((await apiAs("undo", "/api/v1/dnc")).body.data.total).toBe(3);

  await page.getByRole("link", { name: "Audit log" }).click();
  const restored = page.getByRole("row").filter({ hasText: target }).filter({ hasText: "Entry restored" });
  await expect(restored).toBeVisible();
  await expect(restored).toContainText("e2e@dnc.test");
  await expect(restored).toContainText("Undo");
  await expect(page.getByRole("row").filter({ hasText: target }).filter({ hasText: "Entry removed" })).toContainText("wrong row");
});

test("Undo after a bulk delete restores every entry it removed, through the paced queue", async ({ page }) => {
  const n = 7;
  await seedEntries("undo-bulk", n);
  await openAsTeam(page, "undo-bulk");
  await expect(page.getByText(`1–${n} of ${n}`)).toBeVisible();
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: `Delete ${n} selected` }).click();
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: `Remove ${n} entries` })
    .click();
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 3 * RATE_WINDOW_MS });
  await expect(page.getByText("The list is empty.", { exact: false })).toBeVisible();

  const finished = await expectToast(page, `Bulk delete finished: ${n} deleted.`);
  await finished.getByRole("button", { name: "Undo" }).click();
  const progress = page.getByRole("progressbar", { name: "Bulk restore progress" });
  await expect(progress).toBeVisible();
  // The delete spent the write budget a moment ago: the restore waits for it rather than failing.
  await expect(page.getByText(/Waiting for the rate limit — \d+s/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 4 * RATE_WINDOW_MS });
  await expect(progress).toHaveAttribute("aria-valuenow", String(n));
  await expect(count(page, "restored")).toHaveText(String(n));
  await expect(count(page, "failed")).toHaveText("0");
  await expectToast(page, `Bulk restore finished: ${n} restored.`);
  await expect(page.getByText(`1–${n} of ${n}`)).toBeVisible();

  const audit = await apiAs("undo-bulk", "/api/v1/audit?action=dnc.restored&limit=100");
  expect(audit.body.data.events.map((event: { reason: string }) => event.reason)).toEqual(Array(n).fill("Undo"));
});
