import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { type E2eTeam, RATE_WINDOW_MS, RATE_WRITE_LIMIT } from "./support/constants";
import { apiAs, expect, openAsTeam, seedEntries, tabTo, test } from "./support/fixtures";
import { toasts } from "./support/toasts";

const panel = (page: Page) => page.getByRole("region", { name: "Bulk delete", exact: true });
const count = (page: Page, label: string) => panel(page).getByTestId(`count-${label}`).locator("dd");
const table = (page: Page) => page.getByRole("table", { name: "Do Not Contact entries" });

/** Waits until the table shows `n` rows of entries (a new page size or page replaces the rows shown meanwhile). */
async function expectRows(page: Page, n: number) {
  await expect(table(page).getByRole("row")).toHaveCount(n + 1);
}

/** Which of `urls` the table lists right now (no waiting: a row that should have gone must already be gone). */
async function shownUrls(page: Page, urls: string[]): Promise<string[]> {
  const cells = await table(page).getByRole("cell").allTextContents();
  return urls.filter((url) => cells.includes(url));
}

/** The team's list as the server holds it. */
async function serverUrls(team: E2eTeam): Promise<string[]> {
  const list = await apiAs(team, "/api/v1/dnc?limit=100");
  return list.body.data.entries.map((entry: { url: string }) => entry.url);
}

async function confirmBulkDelete(page: Page, n: number) {
  await page.getByRole("button", { name: `Delete ${n} selected` }).click();
  await page
    .getByRole("alertdialog")
    .getByRole("button", { name: `Remove ${n} entries` })
    .click();
}

test("rows leave the table as the run deletes them, the page refills, and at the end the table is the server's list", async ({ page }) => {
  const n = 13;
  const urls = await seedEntries("live-rows", n);
  await openAsTeam(page, "live-rows");
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page.getByText(`1–10 of ${n}`)).toBeVisible();
  await expectRows(page, 10);
  const selected = await shownUrls(page, urls);
  expect(selected).toHaveLength(10);
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await confirmBulkDelete(page, 10);

  // The first window's five are deleted, then the run waits a window: long before it ends, their rows
  // have left and the page has filled up from the next one.
  await expect(page.getByText(/Waiting for the rate limit/)).toBeVisible();
  await expect(count(page, "deleted")).toHaveText(String(RATE_WRITE_LIMIT));
  // Read at once, before any refetch: the tally and the rows move together.
  expect(await shownUrls(page, selected)).toHaveLength(10 - RATE_WRITE_LIMIT);
  await expect(page.getByText(`1–8 of 8`)).toBeVisible();
  await expect(panel(page).getByRole("heading", { name: "Removing entries…" })).toBeVisible();
  // Read in this order, a row the table shows is one the server still lists, whatever was deleted in between.
  const listed = await serverUrls("live-rows");
  const shown = await shownUrls(page, urls);
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every((url) => listed.includes(url))).toBe(true);
  await expectNoAxeViolations(page, "the entries table during a bulk delete");

  await expect(panel(page).getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 3 * RATE_WINDOW_MS });
  // The moment it says "Finished", no deleted row is listed.
  expect(await shownUrls(page, selected)).toEqual([]);
  await expect(page.getByText("1–3 of 3")).toBeVisible();
  expect((await shownUrls(page, urls)).sort()).toEqual((await serverUrls("live-rows")).sort());
  expect(await serverUrls("live-rows")).toHaveLength(n - 10);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `the entries table after a bulk delete (${colorScheme})`);
  }
});

test("a last page emptied by the run turns to the page before it", async ({ page }) => {
  const n = 12;
  const urls = await seedEntries("live-pages", n);
  await openAsTeam(page, "live-pages");
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page.getByText(`1–10 of ${n}`)).toBeVisible();
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText(`11–12 of ${n}`)).toBeVisible();
  await expectRows(page, 2);
  const lastPage = await shownUrls(page, urls);
  expect(lastPage).toHaveLength(2);

  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await confirmBulkDelete(page, 2);
  await expect(panel(page).getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 2 * RATE_WINDOW_MS });
  await expect(page.getByText(`1–10 of 10`)).toBeVisible();
  await expect(page.getByText("Page 1 of 1")).toBeVisible();
  await expectRows(page, 10);
  expect((await shownUrls(page, urls)).sort()).toEqual((await serverUrls("live-pages")).sort());
  expect(await shownUrls(page, lastPage)).toEqual([]);
});

test("keyboard: after a single delete, Undo is within three Tab presses of where focus lands", async ({ page }) => {
  const urls = await seedEntries("live-undo-keys", 3);
  const target = urls[1]!;
  await openAsTeam(page, "live-undo-keys");
  await expect(page.getByText("1–3 of 3")).toBeVisible();

  await page.getByRole("button", { name: `Actions for ${target}` }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Delete" })).toBeVisible();
  await tabToMenuItem(page, "Delete");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await tabTo(page, /^Remove entry/);
  await page.keyboard.press("Enter");

  // Focus lands on the toast that says what happened; its Undo follows within three presses.
  const removed = toasts(page)
    .getByRole("listitem")
    .filter({ hasText: `Removed ${target}` });
  await expect(removed).toBeFocused();
  await expect(table(page).getByRole("cell", { name: target, exact: true })).toBeHidden();
  const undo = removed.getByRole("button", { name: "Undo" });
  let presses = 0;
  while (!(await undo.evaluate((button) => button === document.activeElement)) && presses < 3) {
    await page.keyboard.press("Tab");
    presses += 1;
  }
  await expect(undo).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(
    toasts(page)
      .getByRole("listitem")
      .filter({ hasText: `Restored ${target}` }),
  ).toBeVisible();
  await expect(table(page).getByRole("cell", { name: target, exact: true })).toBeVisible();
  expect((await apiAs("live-undo-keys", "/api/v1/dnc")).body.data.total).toBe(3);
});

test("keyboard: Select all matching hands focus to Clear selection; a bulk confirm hands it to the progress panel", async ({ page }) => {
  const n = 12;
  await seedEntries("live-bulk-keys", n);
  await openAsTeam(page, "live-bulk-keys");
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page.getByText(`1–10 of ${n}`)).toBeVisible();

  await page.getByRole("searchbox", { name: "Search entries" }).focus();
  await tabTo(page, /^Select all on this page/);
  await page.keyboard.press("Space");
  await tabTo(page, new RegExp(`^Select all ${n} matching`), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByText(`All ${n} matching entries selected`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Clear selection" })).toBeFocused();

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: `Delete ${n} selected` })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await tabTo(page, new RegExp(`^Remove ${n} entries`));
  await page.keyboard.press("Enter");

  // The panel takes focus; its name says what it is, and its count is read as it changes.
  await expect(panel(page)).toBeFocused();
  await expect(panel(page).locator("[aria-live=polite]")).toHaveText(new RegExp(`^\\d+ of ${n} processed$`));
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `the focused progress panel (${colorScheme})`);
  }
  await expect(panel(page).getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 4 * RATE_WINDOW_MS });
  await expect(count(page, "deleted")).toHaveText(String(n));
});

/** Moves through the open menu with the arrow keys until `name` has focus, as a keyboard user does. */
async function tabToMenuItem(page: Page, name: string) {
  const item = page.getByRole("menuitem", { name });
  for (let i = 0; i < 10 && !(await item.evaluate((element) => element === document.activeElement)); i++) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(item).toBeFocused();
}
