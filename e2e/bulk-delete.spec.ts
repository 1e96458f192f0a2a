import { type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { recordBenchmark } from "./support/benchmarks";
import { RATE_WINDOW_MS, RATE_WRITE_LIMIT } from "./support/constants";
import { apiAs, expect, openAsTeam, seedEntries, tabTo, test } from "./support/fixtures";
import { expectToast } from "./support/toasts";

const progress = (page: Page) => page.getByRole("progressbar", { name: "Bulk delete progress" });
const count = (page: Page, label: string) => page.getByTestId(`count-${label}`).locator("dd");

/** Selects the page's rows (or, with `allMatching`, every matching entry) and opens the confirmation. */
async function selectAndConfirm(page: Page, n: number, options: { reason?: string; allMatching?: boolean } = {}) {
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  if (options.allMatching) {
    await page.getByRole("button", { name: `Select all ${n} matching` }).click();
    await expect(page.getByText(`All ${n} matching entries selected`)).toBeVisible();
  } else {
    await expect(page.getByText(`${n} selected`, { exact: true })).toBeVisible();
  }
  await page.getByRole("button", { name: `Delete ${n} selected` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Remove ${n} entries?`);
  await expect(dialog.getByRole("listitem")).toHaveCount(6);
  await expect(dialog).toContainText(`and ${n - 5} more`);
  if (options.reason) await dialog.getByLabel(/Reason/).fill(options.reason);
  return dialog.getByRole("button", { name: `Remove ${n} entries` });
}

test("bulk delete of 12 entries takes the minimum the rate limit allows, showing the wait", async ({ page }) => {
  const n = 12;
  await seedEntries("bulk", n);
  await openAsTeam(page, "bulk");
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page.getByText(`1–10 of ${n}`)).toBeVisible();
  const confirm = await selectAndConfirm(page, n, { reason: "bulk consent withdrawal", allMatching: true });

  const minimumMs = (Math.ceil(n / RATE_WRITE_LIMIT) - 1) * RATE_WINDOW_MS;
  const started = Date.now();
  await confirm.click();
  await expect(page.getByText(/about \d+ s left/)).toBeVisible();
  await expect(page.getByText(/Waiting for the rate limit — \d+s/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: minimumMs + 10_000 });
  const elapsedMs = Date.now() - started;
  await expectToast(page, `Bulk delete finished: ${n} deleted.`);

  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(n));
  await expect(progress(page)).toHaveAttribute("aria-valuemax", String(n));
  await expect(count(page, "deleted")).toHaveText(String(n));
  await expect(count(page, "failed")).toHaveText("0");
  await expect(page.getByText("The list is empty.", { exact: false })).toBeVisible();
  test.info().annotations.push({ type: "bulk delete 12 (ms)", description: `${elapsedMs} (minimum ${minimumMs})` });
  recordBenchmark(
    "Bulk delete, 12 entries at 5 writes per 4 s",
    `${elapsedMs} ms from confirm to finished (minimum ${minimumMs} ms = (⌈12/5⌉−1) windows; budget minimum + 1,500 ms)`,
  );
  expect(elapsedMs).toBeGreaterThanOrEqual(minimumMs);
  expect(elapsedMs).toBeLessThanOrEqual(minimumMs + 1500);
  expect((await apiAs("bulk", "/api/v1/dnc")).body.data.total).toBe(0);
  const audit = await apiAs("bulk", "/api/v1/audit?action=dnc.deleted&limit=100");
  expect(audit.body.data.events).toHaveLength(n);
  expect(audit.body.data.events.every((e: { reason: string }) => e.reason === "bulk consent withdrawal")).toBe(true);

  // The finished panel (progress bar, tally, controls) and its toast exist only here: checked in both schemes.
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `a finished bulk delete (${colorScheme})`);
  }
});

test("pause stops sending, resume finishes; an entry another client deleted meanwhile counts as already gone", async ({ page }) => {
  const n = 8;
  await seedEntries("gone", n);
  await openAsTeam(page, "gone");
  await expect(page.getByText(`1–${n} of ${n}`)).toBeVisible();
  // The queue sends in the order the rows are shown: the last row is the last request.
  const lastUrl = (await page.locator("tbody tr").last().locator("td").nth(1).textContent())!;
  const confirm = await selectAndConfirm(page, n);
  await confirm.click();

  // The first window's five go at once; pause while the queue waits for the second window.
  await expect(page.getByText(/Waiting for the rate limit/)).toBeVisible();
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByRole("heading", { name: "Paused" })).toBeVisible();
  const pausedAt = await progress(page).getAttribute("aria-valuenow");
  expect(Number(pausedAt)).toBe(RATE_WRITE_LIMIT);

  // Another client (an API key) removes the queue's last entry, once the rate limit allows it.
  const list = await apiAs("gone", `/api/v1/dnc?q=${encodeURIComponent(lastUrl.split("/in/")[1]!)}`);
  const victim = list.body.data.entries[0].$id as string;
  let removed = await apiAs("gone", `/api/v1/dnc/${victim}`, { method: "DELETE", body: { reason: "other client" } });
  if (removed.status === 429) {
    await page.waitForTimeout(Math.max(0, removed.body.resetTime - Date.now()) + 50);
    removed = await apiAs("gone", `/api/v1/dnc/${victim}`, { method: "DELETE", body: { reason: "other client" } });
  }
  expect(removed.status).toBe(200);

  // Paused means paused: a whole window later nothing more was sent.
  await page.waitForTimeout(RATE_WINDOW_MS);
  await expect(progress(page)).toHaveAttribute("aria-valuenow", pausedAt!);

  // The queue lives above the pages: it carries on, in view, while the audit log is open.
  await page.getByRole("button", { name: "Resume" }).click();
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 3 * RATE_WINDOW_MS });
  await expect(count(page, "deleted")).toHaveText(String(n - 1));
  await expect(count(page, "already-gone")).toHaveText("1");
  await expect(progress(page)).toHaveAttribute("aria-valuenow", String(n));
  expect((await apiAs("gone", "/api/v1/dnc")).body.data.total).toBe(0);
});

test("leaving mid-run asks first; cancel stops before the next request and keeps the tally", async ({ page }) => {
  const n = 9;
  await seedEntries("pause", n);
  await openAsTeam(page, "pause");
  await expect(page.getByText(`1–${n} of ${n}`)).toBeVisible();
  const confirm = await selectAndConfirm(page, n);
  await confirm.click();
  await expect(page.getByText(/Waiting for the rate limit/)).toBeVisible();

  // Leaving the page while the queue runs asks first; staying keeps it running.
  const warning = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.type());
      void dialog.dismiss();
    }),
  );
  await page.evaluate(() => setTimeout(() => window.location.assign("/audit"), 0));
  expect(await warning).toBe("beforeunload");
  await expect(page.getByRole("heading", { name: "Do Not Contact list" })).toBeVisible();

  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { name: "Cancelled" })).toBeVisible();
  await expect(count(page, "deleted")).toHaveText(String(RATE_WRITE_LIMIT));
  await expect(count(page, "not-sent")).toHaveText(String(n - RATE_WRITE_LIMIT));
  await page.waitForTimeout(RATE_WINDOW_MS);
  expect((await apiAs("pause", "/api/v1/dnc")).body.data.total).toBe(n - RATE_WRITE_LIMIT);
});

test("keyboard only: select a page, delete with a reason, confirm", async ({ page }) => {
  const n = 6;
  await seedEntries("kbd", n);
  await openAsTeam(page, "kbd");
  await expect(page.getByText(`1–${n} of ${n}`)).toBeVisible();

  await page.getByRole("searchbox", { name: "Search entries" }).focus();
  await tabTo(page, /^Select all on this page/);
  await page.keyboard.press("Space");
  await expect(page.getByText(`${n} selected`, { exact: true })).toBeVisible();
  await tabTo(page, /^Delete 6 selected/, { backwards: true });
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toBeVisible();
  await tabTo(page, /#delete-reason$/);
  await page.keyboard.type("keyboard removal");
  await tabTo(page, /^Remove 6 entries/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 3 * RATE_WINDOW_MS });
  await expect(count(page, "deleted")).toHaveText(String(n));
  const audit = await apiAs("kbd", "/api/v1/audit?action=dnc.deleted");
  expect(audit.body.data.events.map((e: { reason: string }) => e.reason)).toEqual(Array(n).fill("keyboard removal"));
});
