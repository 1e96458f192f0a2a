import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { recordBenchmark } from "./support/benchmarks";
import { RATE_WINDOW_MS, RATE_WRITE_LIMIT } from "./support/constants";
import { apiAs, expect, openAsTeam, seedEntries, test } from "./support/fixtures";
import { joinByInvitation } from "./support/members";
import { expectToast } from "./support/toasts";

const count = (page: Page, label: string) => page.getByTestId(`count-${label}`).locator("dd");
const removedTable = (page: Page) => page.getByRole("table", { name: "Recently removed entries" });

test("bulk delete of 12, then restore of all 12 from Recently removed, paced by the write limit", async ({ page }) => {
  const n = 12;
  const urls = await seedEntries("restore", n);
  await openAsTeam(page, "restore");
  await expect(page.getByText(`1–${n} of ${n}`)).toBeVisible();
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: `Delete ${n} selected` }).click();
  const removal = page.getByRole("alertdialog");
  await removal.getByLabel(/Reason/).fill("list cleanup");
  await removal.getByRole("button", { name: `Remove ${n} entries` }).click();
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 4 * RATE_WINDOW_MS });

  await page.getByRole("link", { name: "Recently removed" }).click();
  await expect(page.getByRole("heading", { name: "Recently removed" })).toBeVisible();
  await expect(page.getByText(`1–${n} of ${n}`)).toBeVisible();
  const first = removedTable(page).getByRole("row").filter({ hasText: urls[0]! });
  await expect(first).toContainText("e2e@dnc.test");
  await expect(first).toContainText("list cleanup");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `Recently removed (${colorScheme})`);
  }

  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await expect(page.getByText(`${n} selected`, { exact: true })).toBeVisible();
  // Escape closes a dialog opened over the selection and leaves the selection alone.
  await first.getByRole("button", { name: `History of ${urls[0]}` }).click();
  await expect(page.getByRole("dialog").getByRole("listitem")).toHaveCount(2);
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByText(`${n} selected`, { exact: true })).toBeVisible();
  await page.getByRole("button", { name: `Restore ${n} selected` }).click();
  const dialog = page.getByRole("dialog", { name: `Restore ${n} entries?` });
  await expect(dialog.getByRole("list", { name: "Entries to restore" })).toContainText(`and ${n - 5} more`);
  await dialog.getByLabel(/Reason/).fill("cleanup went too far");

  const minimumMs = (Math.ceil(n / RATE_WRITE_LIMIT) - 1) * RATE_WINDOW_MS;
  const started = Date.now();
  await dialog.getByRole("button", { name: `Restore ${n} entries` }).click();
  const progress = page.getByRole("progressbar", { name: "Bulk restore progress" });
  await expect(progress).toBeVisible();
  await expect(page.getByText(/Waiting for the rate limit — \d+s/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: minimumMs + RATE_WINDOW_MS + 10_000 });
  const elapsedMs = Date.now() - started;

  await expect(progress).toHaveAttribute("aria-valuenow", String(n));
  await expect(count(page, "restored")).toHaveText(String(n));
  await expect(count(page, "failed")).toHaveText("0");
  await expectToast(page, `Bulk restore finished: ${n} restored.`);
  await expect(page.getByText("Nothing was removed recently.")).toBeVisible();
  test.info().annotations.push({ type: "bulk restore 12 (ms)", description: `${elapsedMs} (minimum ${minimumMs})` });
  recordBenchmark(
    "Bulk restore, 12 entries at 5 writes per 4 s, right after deleting them",
    `${elapsedMs} ms from confirm to finished (minimum ${minimumMs} ms = (⌈12/5⌉−1) windows; budget minimum + 1,500 ms)`,
  );
  // A rolling window lets through at most five of any 4 s, so the 11th request goes two windows after the 1st.
  expect(elapsedMs).toBeGreaterThanOrEqual(minimumMs);
  expect(elapsedMs).toBeLessThanOrEqual(minimumMs + 1500);

  const list = await apiAs("restore", "/api/v1/dnc?limit=100");
  expect(new Set(list.body.data.entries.map((entry: { url: string }) => entry.url))).toEqual(new Set(urls));
  const audit = await apiAs("restore", "/api/v1/audit?action=dnc.restored&limit=100");
  expect(audit.body.data.events.map((event: { reason: string }) => event.reason)).toEqual(Array(n).fill("cleanup went too far"));
});

test("a viewer sees what was removed, and its history, but no restore controls", async ({ page, browser, baseURL }) => {
  const [kept, removed] = await seedEntries("removed-viewer", 2);
  const listed = await apiAs("removed-viewer", `/api/v1/dnc/check?url=${encodeURIComponent(removed!)}`);
  const gone = await apiAs("removed-viewer", `/api/v1/dnc/${listed.body.data.entry.$id}`, {
    method: "DELETE",
    body: { reason: "duplicate" },
  });
  expect(gone.status).toBe(200);

  await openAsTeam(page, "removed-viewer");
  await expect(page.getByRole("cell", { name: kept!, exact: true })).toBeVisible();
  const viewer = await joinByInvitation({ ownerPage: page, browser, baseURL, team: "removed-viewer", role: "viewer", label: "removed" });
  await viewer.page.getByRole("link", { name: "Recently removed" }).click();
  const row = removedTable(viewer.page).getByRole("row").filter({ hasText: removed! });
  await expect(row).toContainText("duplicate");
  await expect(row).toContainText(/key:/);
  await expect(viewer.page.getByRole("checkbox")).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: /^Restore/ })).toHaveCount(0);

  await row.getByRole("button", { name: `History of ${removed}` }).click();
  const history = viewer.page.getByRole("dialog");
  await expect(history.getByRole("listitem")).toHaveText([/^Added/, /^Removed.*Reason: duplicate/]);
  await viewer.page.context().close();
});
