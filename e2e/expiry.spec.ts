import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";

/** Issue 18, item 2 in the dashboard: the "expire in the next 7 days" notice, the Expires filter and column, export and import. */

const DAY_MS = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const table = (page: Page) => page.getByRole("table", { name: "Do Not Contact entries" });
const expiresHeader = (page: Page) => table(page).getByRole("columnheader", { name: "Expires", exact: true });

test("the notice links to the entries that expire in the next 7 days; the filter stays in the URL and the export carries expires_at", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const url = (label: string) => `https://linkedin.com/in/expiry-${label}-${stamp}`;
  const soon = [
    { url: url("in-3-days"), expiresAt: inDays(3) },
    { url: url("in-5-days"), expiresAt: inDays(5) },
  ];
  const later = { url: url("in-20-days"), expiresAt: inDays(20) };
  const seeded = await apiAs("expiry", "/api/v1/dnc/batch", {
    method: "POST",
    body: { entries: [...soon, later, { url: url("forever-1") }, { url: url("forever-2") }] },
  });
  expect(seeded.body.data?.added, JSON.stringify(seeded.body)).toBe(5);

  await openAsTeam(page, "expiry");
  await expect(page.getByText("1–5 of 5")).toBeVisible();
  await expect(expiresHeader(page)).toBeHidden();
  const notice = page.getByRole("link", { name: "2 entries expire in the next 7 days" });
  await expect(notice).toBeVisible();
  await expectNoAxeViolations(page, "the entries page with the expiry notice");

  await notice.click();
  await expect(page).toHaveURL(/\/entries\?expiresWithin=7$/);
  await expect(page.getByText("1–2 of 2")).toBeVisible();
  await expect(page.getByLabel("Expires")).toHaveValue("7");
  await expect(expiresHeader(page)).toBeVisible();
  const rows = table(page).locator("tbody tr");
  await expect(rows).toHaveCount(2);
  for (const entry of soon) await expect(rows.filter({ hasText: entry.url.split("/in/")[1]! })).toHaveCount(1);

  await page.getByLabel("Expires").selectOption("30");
  await expect(page).toHaveURL(/expiresWithin=30/);
  await expect(page.getByText("1–3 of 3")).toBeVisible();
  await page.reload();
  await expect(page.getByText("1–3 of 3")).toBeVisible();
  await expect(page.getByLabel("Expires")).toHaveValue("30");

  // The export is what the filter matches, with each entry's expiry.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const lines = readFileSync(await (await download).path(), "utf8")
    .trim()
    .split(/\r?\n/);
  expect(lines[0]).toBe(
    "url,canonical_url,created_at,id,aliases,canonical_aliases,kind,include_subdomains,category,received_at,late,expires_at,client,added_by,source,source_file,note",
  );
  const expiresAt = lines[0]!.split(",").indexOf("expires_at");
  const exported = new Map(lines.slice(1).map((line) => [line.split(",")[0], line.split(",")[expiresAt]]));
  expect(exported).toEqual(new Map([...soon, later].map((entry) => [entry.url, entry.expiresAt])));

  await page.getByRole("button", { name: /^Reset/ }).click();
  await expect(page.getByText("1–5 of 5")).toBeVisible();
  await expect(page).toHaveURL(/\/entries$/);
  await expect(page.getByLabel("Expires")).toHaveValue("");
  await expect(expiresHeader(page)).toBeHidden();

  // A change of expiry and note reads as such in the audit log.
  const id = (await apiAs("expiry", `/api/v1/dnc/check?url=${encodeURIComponent(later.url)}`)).body.data.entry.$id;
  const patched = await apiAs("expiry", `/api/v1/dnc/${id}`, { method: "PATCH", body: { expiresAt: null, note: "renewal due" } });
  expect(patched.status, JSON.stringify(patched.body)).toBe(200);
  await page.getByRole("link", { name: "Audit log" }).click();
  const updated = page.getByRole("row").filter({ hasText: "Entry updated" });
  await expect(updated).toContainText(/Expiry: .+ → none; Note: none → “renewal due”/);
});

test("an import's expires_at column gives entries their expiry; a past or unreadable one is listed before anything is sent", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const url = (label: string) => `https://linkedin.com/in/expiry-import-${label}-${stamp}`;
  const expiresAt = inDays(4);
  const csv = [
    "url,expires_at",
    `${url("dated")},${expiresAt}`,
    `${url("plain")},`,
    `${url("past")},2001-01-01`,
    `${url("unreadable")},next week`,
  ].join("\r\n");

  await openAsTeam(page, "expiry-import", "/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "expiring.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await expect(page.getByText("expiring.csv: 2 URLs")).toBeVisible();
  const unreadable = page.getByRole("list", { name: "Unreadable rows" });
  await expect(unreadable).toContainText("Row 4: “2001-01-01” in “expires_at” is not an ISO 8601 date or date-time in the future.");
  await expect(unreadable).toContainText("Row 5: “next week” in “expires_at”");
  await page.getByRole("button", { name: "Import 2 URLs" }).click();
  await expect(
    page.getByText(/2 of 2 rows sent · 2 added · 0 already on the list · 0 rejected · 2 not read · Import finished/),
  ).toBeVisible();

  const listed = await apiAs("expiry-import", "/api/v1/dnc?limit=10");
  const byUrl = new Map(listed.body.data.entries.map((entry: { url: string; expiresAt?: string }) => [entry.url, entry.expiresAt]));
  expect(byUrl).toEqual(
    new Map([
      [url("dated"), expiresAt],
      [url("plain"), undefined],
    ]),
  );

  // The dashboard shows it: the notice counts it, and the Expires column, chosen in View, shows when.
  await openAsTeam(page, "expiry-import");
  await expect(page.getByRole("link", { name: "1 entry expires in the next 7 days" })).toBeVisible();
  await page.getByRole("button", { name: "View" }).click();
  await page.getByRole("menuitemcheckbox", { name: "Expires" }).click();
  await page.keyboard.press("Escape");
  await expect(expiresHeader(page)).toBeVisible();
  const dated = table(page).locator("tbody tr").filter({ hasText: "dated" });
  await expect(dated.locator("time")).toHaveCount(2);
});

test("an entry that expires moves to Recently removed, removed by system, and a restore brings it back without its expiry", async ({
  page,
}) => {
  const entryUrl = `https://linkedin.com/in/expiry-restore-${Date.now().toString(36)}`;
  const expiresAt = new Date(Date.now() + 2000).toISOString();
  const added = await apiAs("expiry-restore", "/api/v1/dnc", { method: "POST", body: { url: entryUrl, expiresAt } });
  expect(added.status, JSON.stringify(added.body)).toBe(201);

  // The e2e server sweeps every half second (e2e/support/constants.ts).
  await openAsTeam(page, "expiry-restore", "/removed");
  const row = page
    .getByRole("table", { name: "Recently removed entries" })
    .getByRole("row")
    .filter({ hasText: entryUrl.split("/in/")[1]! });
  await expect(async () => {
    await page.reload();
    await expect(row).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  await expect(row).toContainText("by system");
  await expect(row).toContainText(`Expired at ${expiresAt}`);

  await row.getByRole("button", { name: `Restore ${entryUrl}` }).click();
  const dialog = page.getByRole("dialog", { name: "Restore this entry?" });
  await expect(dialog).toContainText("An expiry that has passed is cleared.");
  await dialog.getByRole("button", { name: "Restore entry" }).click();
  await expect(row).toBeHidden();

  const checked = await apiAs("expiry-restore", `/api/v1/dnc/check?url=${encodeURIComponent(entryUrl)}`);
  expect(checked.body.data).toMatchObject({ onList: true, entry: { url: entryUrl } });
  expect(checked.body.data.entry).not.toHaveProperty("expiresAt");
});
