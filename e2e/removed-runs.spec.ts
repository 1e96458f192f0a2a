import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { RATE_WINDOW_MS } from "./support/constants";
import type { E2eTeam } from "./support/constants";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";
import { joinByInvitation } from "./support/members";
import { expectToast } from "./support/toasts";

const TEAM = "removed-runs";
const removedTable = (page: Page) => page.getByRole("table", { name: "Recently removed entries" });
const rowOf = (page: Page, url: string) => removedTable(page).getByRole("row").filter({ hasText: url });
const restoredCount = (page: Page) => page.getByTestId("count-restored").locator("dd");

/** Adds profiles named after `label` in one batch request (its own rate-limit bucket): the search tells the two runs apart. */
async function seedProfiles(label: string, count: number, team: E2eTeam = TEAM): Promise<string[]> {
  const stamp = Date.now().toString(36);
  const urls = Array.from({ length: count }, (_, i) => `https://linkedin.com/in/${label}-${stamp}-${String(i).padStart(3, "0")}`);
  const response = await apiAs(team, "/api/v1/dnc/batch", { method: "POST", body: { entries: urls.map((url) => ({ url })) } });
  expect(response.body.data.added).toBe(count);
  return urls;
}

/** A removal as an API client makes it (the team's key), waiting out the write limit as such a client does. */
async function removeAsApiClient(url: string, reason: string, team: E2eTeam = TEAM) {
  const listed = await apiAs(team, `/api/v1/dnc/check?url=${encodeURIComponent(url)}`);
  for (;;) {
    const response = await apiAs(team, `/api/v1/dnc/${listed.body.data.entry.$id}`, { method: "DELETE", body: { reason } });
    if (response.status !== 429) return expect(response.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, response.body.resetTime - Date.now()) + 50));
  }
}

async function expectAxeInBothSchemes(page: Page, what: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${what} (${colorScheme})`);
  }
}

test("search and page kept in the URL, a whole earlier run restored from a row's menu, and all matching across pages", async ({
  page,
  context,
}) => {
  test.slow();
  // Two runs by one remover: twelve for one reason, then three for another (a run is one remover with one reason).
  const cleanup = await seedProfiles("cleanup", 12);
  const wrongList = await seedProfiles("wronglist", 3);
  for (const url of cleanup) await removeAsApiClient(url, "cleanup");
  for (const url of wrongList) await removeAsApiClient(url, "wrong list");

  // The search and the page are in the URL: a reload and a shared link show the same view.
  await openAsTeam(page, TEAM, "/removed");
  await expect(page.getByText("1–15 of 15")).toBeVisible();
  await page.getByRole("searchbox", { name: "Search removed entries" }).fill("cleanup");
  await expect(page).toHaveURL(/\/removed\?q=cleanup$/);
  await page.getByLabel("Rows per page").selectOption("10");
  await page.getByRole("button", { name: /next page/i }).click();
  await expect(page).toHaveURL(/\/removed\?q=cleanup&page=2&size=10$/);
  await expect(page.getByText("11–12 of 12")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("searchbox", { name: "Search removed entries" })).toHaveValue("cleanup");
  await expect(page.getByText("11–12 of 12")).toBeVisible();
  const shared = await context.newPage();
  await shared.goto(page.url());
  await expect(shared.getByText("11–12 of 12")).toBeVisible();
  await expect(removedTable(shared).getByRole("row")).toHaveCount(3);
  await shared.close();
  // Away and Back: the same view again.
  await page.getByRole("link", { name: "Entries", exact: true }).click();
  await expect(page).toHaveURL(/\/entries$/);
  await page.goBack();
  await expect(page.getByText("11–12 of 12")).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search removed entries" })).toHaveValue("cleanup");

  // A row that was part of a bulk delete says so, and its menu shows the run or restores it.
  await page.goto("/removed");
  const row = rowOf(page, wrongList[0]!);
  await expect(row).toContainText("in a run of 3");
  await expect(rowOf(page, cleanup[0]!)).toContainText("in a run of 12");
  await row.getByRole("button", { name: `Run actions for ${wrongList[0]}` }).click();
  await page.getByRole("menuitem", { name: "Show this run (3 entries)" }).click();
  await expect(page).toHaveURL(new RegExp(`/removed\\?run=dnc_\\w+$`));
  const notice = page.getByRole("region", { name: "Run" });
  await expect(notice).toContainText(/One run: 3 entries removed by key:.+, reason: wrong list\./);
  await expect(page.getByText("1–3 of 3")).toBeVisible();
  await expectAxeInBothSchemes(page, "Recently removed, one run");
  // Showing a run is a step in the history: Back returns to every removed entry.
  await page.goBack();
  await expect(page.getByText("1–15 of 15")).toBeVisible();
  await expect(notice).toBeHidden();

  await rowOf(page, wrongList[1]!)
    .getByRole("button", { name: `Run actions for ${wrongList[1]}` })
    .click();
  await page.getByRole("menuitem", { name: "Restore this run (3 entries)" }).click();
  const confirmRun = page.getByRole("dialog", { name: "Restore this run of 3 entries?" });
  const facts = confirmRun.getByRole("definition");
  await expect(facts).toHaveText(["3", /^key:/, /\d{4}/, "wrong list"]);
  await expectAxeInBothSchemes(page, "Restore this run");
  await confirmRun.getByLabel(/Reason/).fill("the run was a mistake");
  await confirmRun.getByRole("button", { name: "Restore 3 entries" }).click();
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 3 * RATE_WINDOW_MS });
  await expect(restoredCount(page)).toHaveText("3");
  await expectToast(page, "Bulk restore finished: 3 restored.");
  await expect(page.getByText("1–12 of 12")).toBeVisible();
  const restoredRun = await apiAs(TEAM, "/api/v1/audit?action=dnc.restored&limit=100");
  expect(restoredRun.body.data.events.map((event: { url: string; reason: string }) => [event.url, event.reason]).sort()).toEqual(
    wrongList.map((url) => [url, "the run was a mistake"]).sort(),
  );

  // "Select all matching" covers the pages never shown; the count is the server's.
  await page.goto("/removed?q=cleanup&size=10");
  await expect(page.getByText("1–10 of 12")).toBeVisible();
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: "Select all 12 matching" }).click();
  await expect(page.getByText("All 12 matching entries selected")).toBeVisible();
  // The offer is gone once taken: focus goes on to the restore, not to the page.
  const restoreAll = page.getByRole("button", { name: "Restore 12 selected" });
  await expect(restoreAll).toBeFocused();
  await expectAxeInBothSchemes(page, "Recently removed, all matching selected");
  await restoreAll.click();
  const confirmAll = page.getByRole("dialog", { name: "Restore 12 entries?" });
  await expect(confirmAll.getByRole("list", { name: "Entries to restore" })).toContainText("and 7 more");
  await confirmAll.getByRole("button", { name: "Restore 12 entries" }).click();
  await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 5 * RATE_WINDOW_MS });
  await expect(restoredCount(page)).toHaveText("12");
  await expect(page.getByText("No removed entries match “cleanup”.")).toBeVisible();

  const list = await apiAs(TEAM, "/api/v1/dnc?limit=100");
  expect(new Set(list.body.data.entries.map((entry: { url: string }) => entry.url))).toEqual(new Set([...cleanup, ...wrongList]));
  expect((await apiAs(TEAM, "/api/v1/dnc/removed")).body.data.total).toBe(0);
});

test("a viewer sees that a removal was part of a run and can show the whole run, but not restore it", async ({
  page,
  browser,
  baseURL,
}) => {
  const team = "removed-runs-viewer";
  const urls = await seedProfiles("viewerrun", 2, team);
  for (const url of urls) await removeAsApiClient(url, "duplicates", team);
  await openAsTeam(page, team);
  const viewer = await joinByInvitation({ ownerPage: page, browser, baseURL, team, role: "viewer", label: "runs" });
  await viewer.page.getByRole("link", { name: "Recently removed" }).click();
  const row = rowOf(viewer.page, urls[0]!);
  await expect(row).toContainText("in a run of 2");
  await row.getByRole("button", { name: `Run actions for ${urls[0]}` }).click();
  await expect(viewer.page.getByRole("menuitem")).toHaveText(["Show this run (2 entries)"]);
  await viewer.page.getByRole("menuitem", { name: "Show this run (2 entries)" }).click();
  await expect(viewer.page.getByRole("region", { name: "Run" })).toContainText(
    /One run: 2 entries removed by key:.+, reason: duplicates\./,
  );
  await expect(viewer.page.getByRole("button", { name: /^Restore/ })).toHaveCount(0);
  await expectAxeInBothSchemes(viewer.page, "Recently removed, one run, as a viewer");
  await viewer.page.context().close();
});
