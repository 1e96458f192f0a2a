import { readFileSync } from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/accessibility";
import { apiAs, AUTH_FILE, expect, openAsTeam, test } from "./support/fixtures";
import { TABLE_ENTRIES } from "./support/table-entries";
import { expectToast } from "./support/toasts";

const TOTAL = TABLE_ENTRIES.length;
const table = (page: Page) => page.getByRole("table", { name: "Do Not Contact entries" });
const header = (page: Page, name: string) => table(page).getByRole("columnheader", { name, exact: true });
/** The URLs of the rows on screen, top to bottom (the URL is the cell after the checkbox). */
const shownUrls = (page: Page) => table(page).locator("tbody tr td:nth-child(2)").allTextContents();

/** A new browser context, signed in, with team `table` chosen: what opening a shared link looks like. */
async function freshPage(browser: Browser, baseURL: string, options: { javaScriptEnabled?: boolean; timezoneId?: string } = {}) {
  const context = await browser.newContext({ storageState: AUTH_FILE, baseURL, ...options });
  await context.addCookies([{ name: "dnc-team", value: "table", url: baseURL }]);
  return context.newPage();
}

async function chooseFacets(page: Page, filter: string, values: RegExp[]) {
  await page.getByRole("button", { name: new RegExp(`^${filter}`) }).click();
  const panel = page.getByRole("dialog", { name: `Filter by ${filter}` });
  for (const value of values) await panel.getByRole("checkbox", { name: value }).click();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
}

test("source filter, search, sort by URL and page size live in the URL: reload, a fresh page, the server's HTML and the back button show the same view", async ({
  page,
  browser,
  baseURL,
}) => {
  const matching = TABLE_ENTRIES.filter((e) => (e.source === "api" || e.source === "batch") && e.url.includes("beta"))
    .map((e) => e.url)
    .sort();
  expect(matching).toHaveLength(16);

  await openAsTeam(page, "table");
  await expect(page.getByText(`1–25 of ${TOTAL}`)).toBeVisible();
  await chooseFacets(page, "Source", [/^API\b/, /^Batch\b/]);
  await expect(page.getByText(`1–25 of ${TOTAL / 2}`)).toBeVisible();
  await page.getByRole("searchbox", { name: "Search entries" }).fill("beta");
  await expect(page.getByText("1–16 of 16")).toBeVisible();
  await page.getByRole("button", { name: /^Profile URL, not sorted/ }).click();
  await expect(header(page, "Profile URL, A to Z; change order")).toHaveAttribute("aria-sort", "ascending");
  await page.getByLabel("Rows per page").selectOption("10");
  await expect(page.getByText("1–10 of 16")).toBeVisible();
  // The range is written from the URL at once, the rows when their page arrives: poll for the rows.
  await expect.poll(() => shownUrls(page)).toEqual(matching.slice(0, 10));
  await page.getByRole("button", { name: "Next page" }).click();
  await expect(page.getByText("11–16 of 16")).toBeVisible();
  await expect.poll(() => shownUrls(page)).toEqual(matching.slice(10));
  await expect(page).toHaveURL(/\/entries\?q=beta&source=api%2Cbatch&sort=url&order=asc&page=2&size=10$/);
  const link = page.url();

  /** The rows and every control as the view left them. */
  const expectSameView = async (p: Page) => {
    await expect(p.getByText("11–16 of 16")).toBeVisible();
    await expect.poll(() => shownUrls(p)).toEqual(matching.slice(10));
    await expect(p.getByRole("searchbox", { name: "Search entries" })).toHaveValue("beta");
    await expect(p.getByRole("button", { name: /^Source/ })).toHaveText(/API, Batch/);
    await expect(header(p, "Profile URL, A to Z; change order")).toHaveAttribute("aria-sort", "ascending");
    await expect(p.getByLabel("Rows per page")).toHaveValue("10");
    await expect(p.getByText("Page 2 of 2")).toBeVisible();
  };

  await page.reload();
  await expectSameView(page);

  const fresh = await freshPage(browser, baseURL!);
  await fresh.goto(link);
  await expectSameView(fresh);
  await fresh.context().close();

  // The server renders the same page into the HTML, before (here: without) any script.
  const noScript = await freshPage(browser, baseURL!, { javaScriptEnabled: false });
  await noScript.goto(link);
  expect(await shownUrls(noScript)).toEqual(matching.slice(10));
  await noScript.context().close();

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(link);
  await expectSameView(page);

  // A page back from the last one, and the sort turned round: the URL keeps up.
  await page.getByRole("button", { name: "Previous page" }).click();
  await page.getByRole("button", { name: /^Profile URL, A to Z/ }).click();
  await expect(page).toHaveURL(/\/entries\?q=beta&source=api%2Cbatch&sort=url&size=10$/);
  // A new order shows skeleton rows until its page arrives: wait for the rows, not just the URL.
  await expect.poll(() => shownUrls(page)).toEqual(matching.toReversed().slice(0, 10));
});

test("a URL the API would refuse shows the default view", async ({ page }) => {
  await openAsTeam(page, "table", "/entries?source=fax&q=beta");
  await expect(page.getByText(`1–25 of ${TOTAL}`)).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search entries" })).toHaveValue("");
  expect((await shownUrls(page))[0]).toBe(TABLE_ENTRIES.at(-1)!.url);
});

test("author and day filters (both days inclusive) in the URL; export and select-all take the same filter; Reset clears it", async ({
  page,
}) => {
  const ben = TABLE_ENTRIES.filter((e) => e.createdBy === "ben@acme.test");
  const inFebruaryFirstTen = ben.filter((e) => e.createdAt >= "2026-02-01" && e.createdAt < "2026-02-11");
  // The last day is in the range: "To" means up to the end of that day.
  expect(inFebruaryFirstTen.map((e) => e.createdAt.slice(0, 10))).toEqual(["2026-02-01", "2026-02-10"]);

  await openAsTeam(page, "table");
  await chooseFacets(page, "Added by", [/^ben@acme\.test\b/]);
  await expect(page.getByText(`1–25 of ${ben.length}`)).toBeVisible();
  // Clearing closes the panel and hands focus back to its button.
  const addedBy = page.getByRole("button", { name: /^Added by/ });
  await addedBy.click();
  await page.getByRole("button", { name: "Clear added by filter" }).click();
  await expect(page.getByRole("dialog", { name: "Filter by Added by" })).toBeHidden();
  await expect(addedBy).toBeFocused();
  await expect(page.getByText(`1–25 of ${TOTAL}`)).toBeVisible();
  await chooseFacets(page, "Added by", [/^ben@acme\.test\b/]);
  await expect(page.getByText(`1–25 of ${ben.length}`)).toBeVisible();

  await page.getByLabel("Rows per page").selectOption("10");
  await page.getByRole("checkbox", { name: "Select all on this page" }).click();
  await page.getByRole("button", { name: `Select all ${ben.length} matching` }).click();
  await page.getByRole("button", { name: `Delete ${ben.length} selected` }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText(`Remove ${ben.length} entries?`);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("button", { name: "Clear selection" }).click();

  await page.getByLabel("From").fill("2026-02-01");
  await page.getByLabel("To").fill("2026-02-10");
  await expect(page.getByText("1–2 of 2")).toBeVisible();
  await expect.poll(() => shownUrls(page)).toEqual(inFebruaryFirstTen.map((e) => e.url).reverse());
  await expect(page).toHaveURL(/\/entries\?createdBy=ben%40acme\.test&from=2026-02-01&to=2026-02-10&size=10$/);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = readFileSync((await (await downloading).path())!, "utf8");
  const exported = csv.trim().split(/\r?\n/).slice(1);
  expect(exported.map((line) => line.split(",")[0]).sort()).toEqual(inFebruaryFirstTen.map((e) => e.url).sort());

  await page.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByText(`1–10 of ${TOTAL}`)).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Search entries" })).toBeFocused();
  await expect(page).toHaveURL(/\/entries\?size=10$/);
  await expect(page.getByLabel("From")).toHaveValue("");
  await expect(addedBy).not.toHaveText(/ben/);
});

test("the View menu hides and shows columns; a row's menu copies its URL and asks before deleting", async ({ page, baseURL }) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await openAsTeam(page, "table");
  const newest = TABLE_ENTRIES.at(-1)!;
  await expect(table(page).getByRole("cell", { name: newest.url, exact: true })).toBeVisible();

  // At 1,024 px the note is one column too many until asked for.
  await expect(header(page, "Added by")).toBeVisible();
  await expect(header(page, "Note")).toBeHidden();
  await page.getByRole("button", { name: "View" }).click();
  const menu = page.getByRole("menu");
  await expect(menu.getByRole("menuitemcheckbox", { name: "Added by" })).toBeChecked();
  await expect(menu.getByRole("menuitemcheckbox", { name: "Note" })).not.toBeChecked();
  await menu.getByRole("menuitemcheckbox", { name: "Added by" }).click();
  await menu.getByRole("menuitemcheckbox", { name: "Note" }).click();
  await page.keyboard.press("Escape");
  await expect(header(page, "Added by")).toHaveCount(0);
  await expect(header(page, "Note")).toBeVisible();
  const noted = TABLE_ENTRIES.findLast((e) => e.note !== null)!;
  await expect(table(page).getByRole("row").filter({ hasText: noted.url }).getByTitle(noted.note!)).toBeVisible();
  expect(newest.source).toBe("import");
  await expect(table(page).getByRole("row").filter({ hasText: newest.url })).toContainText(`Import · ${newest.sourceFile}`);

  const actions = page.getByRole("button", { name: `Actions for ${newest.url}` });
  await actions.click();
  await page.getByRole("menuitem", { name: "Copy URL" }).click();
  await expectToast(page, `Copied ${newest.url}`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(newest.url);

  await actions.click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog.getByRole("list", { name: "Entries to remove" })).toHaveText(newest.url);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(actions).toBeFocused();
  expect((await apiAs("table", "/api/v1/dnc")).body.data.total).toBe(TOTAL);
});

test("on a 390 px phone nothing scrolls sideways: secondary columns give way to the URL until asked for", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAsTeam(page, "table");
  await expect(table(page).getByRole("cell", { name: TABLE_ENTRIES.at(-1)!.url, exact: true })).toBeVisible();
  await expectNoHorizontalScroll(page, 390);
  for (const name of ["Added by", "Source", "Note"]) await expect(header(page, name)).toBeHidden();
  await expect(page.getByRole("button", { name: `Actions for ${TABLE_ENTRIES.at(-1)!.url}` })).toBeVisible();

  await page.getByRole("button", { name: "View" }).click();
  await expect(page.getByRole("menuitemcheckbox", { name: "Added", exact: true })).not.toBeChecked();
  await page.getByRole("menuitemcheckbox", { name: "Added", exact: true }).click();
  await page.keyboard.press("Escape");
  await expect(header(page, "Added, newest first; change order")).toBeVisible();
  await expectNoHorizontalScroll(page, 390);
});

test("axe finds nothing in the filters' panels, the View menu or a row's menu, in either colour scheme", async ({ page }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await openAsTeam(page, "table", "/entries?source=api&from=2026-02-01");
    await expect(page.getByText(/^1–\d+ of \d+$/)).toBeVisible();
    await page.getByRole("button", { name: /^Added by/ }).click();
    await expect(page.getByRole("dialog", { name: "Filter by Added by" }).getByRole("checkbox").first()).toBeVisible();
    await expectNoAxeViolations(page, `the Added by filter (${colorScheme})`);
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "View" }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectNoAxeViolations(page, `the View menu (${colorScheme})`);
    await page.keyboard.press("Escape");
    await page
      .getByRole("button", { name: /^Actions for / })
      .first()
      .click();
    await expect(page.getByRole("menuitem", { name: "Copy URL" })).toBeVisible();
    await expectNoAxeViolations(page, `a row's menu (${colorScheme})`);
    await page.keyboard.press("Escape");
  }
});

test("a date reads the same in the server's HTML and the hydrating browser (UTC, said so), then in the reader's own zone", async ({
  browser,
  baseURL,
}) => {
  const timeZone = "Pacific/Auckland";
  const inZone = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone });
  const inUtc = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  const firstDate = (page: Page) => table(page).locator("tbody tr").first().locator("time");

  const noScript = await freshPage(browser, baseURL!, { javaScriptEnabled: false, timezoneId: timeZone });
  await noScript.goto("/entries");
  const iso = (await firstDate(noScript).getAttribute("datetime"))!;
  await expect(firstDate(noScript)).toHaveText(`${inUtc.format(new Date(iso))} UTC`);
  await noScript.context().close();

  const page = await freshPage(browser, baseURL!, { timezoneId: timeZone });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto("/entries");
  await expect(firstDate(page)).toHaveText(inZone.format(new Date(iso)));
  expect(errors).toEqual([]);
  await page.context().close();
});
