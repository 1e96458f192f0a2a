import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import Papa from "papaparse";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/accessibility";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";
import { expectToast } from "./support/toasts";

/** Issue 19, items 7, 10 and 11 (entries and import): a phone's URL cell, an export with provenance, Add's note, kept columns, the import's report. */

const table = (page: Page) => page.getByRole("table", { name: "Do Not Contact entries" });
const header = (page: Page, name: string) => table(page).getByRole("columnheader", { name, exact: true });

async function expectNoAxeViolationsInEitherScheme(page: Page, state: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${state} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: null });
}

async function downloadCsv(page: Page, label: string) {
  const event = page.waitForEvent("download");
  await page.getByRole("button", { name: label }).click();
  const download = await event;
  const text = readFileSync((await download.path())!, "utf8");
  return {
    name: download.suggestedFilename(),
    text,
    rows: Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data,
  };
}

test("on a phone the URL cell shows what tells entries apart, not the prefix they share; a screen reader still gets the whole URL", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const person = `https://linkedin.com/in/edge-phone-person-${stamp}`;
  const company = `https://linkedin.com/company/edge-phone-co-${stamp}`;
  const domain = `edge-phone-${stamp}.example`;
  const seeded = await apiAs("edge-phone", "/api/v1/dnc/batch", {
    method: "POST",
    body: { entries: [{ url: person }, { kind: "company", url: company }, { kind: "domain", domain }] },
  });
  expect(seeded.body.data?.added, JSON.stringify(seeded.body)).toBe(3);
  const urlText = (url: string) => table(page).getByTitle(url, { exact: true });
  /** Whether the cell's text is cut: what a person sees is then only its start. */
  const clipped = (url: string) => urlText(url).evaluate((el) => el.scrollWidth > el.clientWidth);

  await page.setViewportSize({ width: 390, height: 844 });
  await openAsTeam(page, "edge-phone");
  for (const url of [person, company, domain]) {
    await expect(table(page).getByRole("cell", { name: new RegExp(`^${url.replace(/[.?*+^$()[\]{}|\\]/g, "\\$&")}`) })).toBeVisible();
    expect(await clipped(url), `${url} is cut on a phone`).toBe(false);
  }
  /** How wide the shared prefix is drawn: a visually hidden one takes a pixel at most. */
  const prefixWidth = () =>
    urlText(person).evaluate(
      (el) =>
        [...el.querySelectorAll("span")].find((span) => span.textContent === "https://linkedin.com/in/")!.getBoundingClientRect().width,
    );
  expect(await prefixWidth()).toBeLessThanOrEqual(1);
  await expectNoHorizontalScroll(page, 390);
  await expectNoAxeViolationsInEitherScheme(page, "the entries table on a phone");

  // From a tablet's width up, the whole URL is shown again.
  await page.setViewportSize({ width: 1024, height: 768 });
  expect(await prefixWidth()).toBeGreaterThan(100);
  await expect(urlText(person)).toHaveText(person);
});

test("the export carries provenance, reads URLs as the table does beside the API's form, names the filter in its file name, and imports back with its notes", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  await page.setViewportSize({ width: 1280, height: 800 });
  const clientName = `Bravo ${stamp}`;
  const client = await apiAs("edge-export", "/api/v1/clients", { method: "POST", body: { name: clientName } });
  expect(client.status, JSON.stringify(client.body)).toBe(201);
  const clientId = client.body.data.id as string;

  // A slug with an accent: the API keeps it percent-encoded, the table and the file's url column decoded.
  const readable = `https://linkedin.com/in/élodie-${stamp}`;
  const canonical = `https://linkedin.com/in/${encodeURIComponent(`élodie-${stamp}`)}`;
  const byApi = await apiAs("edge-export", "/api/v1/dnc", {
    method: "POST",
    body: { url: readable, note: "asked by phone, 2 December", category: "complaint", clientId },
  });
  expect(byApi.status, JSON.stringify(byApi.body)).toBe(201);
  expect(byApi.body.data.url).toBe(canonical);
  const imported = await apiAs("edge-export", "/api/v1/dnc/batch", {
    method: "POST",
    body: {
      entries: [{ url: `in/edge-export-imported-${stamp}`, category: "complaint", clientId, note: "=from the November file" }],
      importFile: "november opt-outs.csv",
    },
  });
  expect(imported.body.data?.added, JSON.stringify(imported.body)).toBe(1);
  // Outside the filter: another category.
  await apiAs("edge-export", "/api/v1/dnc", { method: "POST", body: { url: `in/edge-export-other-${stamp}`, clientId } });

  await openAsTeam(page, "edge-export", `/entries?q=${stamp}&category=complaint&client=${clientId}`);
  await expect(page.getByText("1–2 of 2")).toBeVisible();
  await expect(table(page).getByTitle(canonical, { exact: true })).toHaveText(readable);
  const exported = await downloadCsv(page, "Export CSV");
  const today = new Date().toISOString().slice(0, 10);
  expect(exported.name).toBe(`entries-edge-export-search-${stamp}-category-complaint-client-Bravo-${stamp}-${today}.csv`);
  expect(exported.text.split(/\r?\n/)[0]).toBe(
    "url,canonical_url,created_at,id,aliases,canonical_aliases,kind,include_subdomains,category,received_at,late,expires_at,client,added_by,source,source_file,note",
  );
  expect(exported.rows).toHaveLength(2);
  const byUrl = new Map(exported.rows.map((row) => [row.canonical_url, row]));
  expect(byUrl.get(canonical)).toMatchObject({
    url: readable,
    canonical_url: canonical,
    category: "complaint",
    client: clientName,
    added_by: expect.stringMatching(/\(key:/),
    source: "api",
    source_file: "",
    note: "asked by phone, 2 December",
  });
  expect(byUrl.get(`https://linkedin.com/in/edge-export-imported-${stamp}`)).toMatchObject({
    source: "import",
    source_file: "november opt-outs.csv",
    // Written safe for a spreadsheet; the import takes the guard off again.
    note: "'=from the November file",
  });

  // Imported into another team, the entries come back with their notes.
  await openAsTeam(page, "edge-export-to", "/import");
  await page.getByLabel("CSV file").setInputFiles({ name: exported.name, mimeType: "text/csv", buffer: Buffer.from(exported.text) });
  await page.getByRole("button", { name: "Import 2 URLs" }).click();
  await expect(page.getByText(/2 of 2 rows sent · 2 added · 0 already on the list · 0 rejected · Import finished/)).toBeVisible();
  const listed = (await apiAs("edge-export-to", "/api/v1/dnc?limit=10")).body.data.entries as { url: string; note: string | null }[];
  expect(new Map(listed.map((entry) => [entry.url, entry.note]))).toEqual(
    new Map([
      [canonical, "asked by phone, 2 December"],
      [`https://linkedin.com/in/edge-export-imported-${stamp}`, "=from the November file"],
    ]),
  );
});

test("Add takes a note; the 'already on the list' refusal goes once the URL is changed", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const url = `https://linkedin.com/in/edge-add-${stamp}`;
  await openAsTeam(page, "edge-add");
  await page.getByRole("button", { name: "Add URL" }).click();
  const dialog = page.getByRole("dialog", { name: "Add to the list" });
  const urlBox = dialog.getByLabel("LinkedIn profile URL, company page or domain");
  await urlBox.fill(url);
  await dialog.getByLabel("Note (optional)").fill("  asked by email on 2 December  ");
  await expectNoAxeViolationsInEitherScheme(page, "the Add dialog with a note");
  await dialog.getByRole("button", { name: "Add to list" }).click();
  await expectToast(page, `Added ${url}`);
  await expect(urlBox).toBeFocused();
  await expect(dialog.getByLabel("Note (optional)")).toHaveValue("");
  const added = await apiAs("edge-add", `/api/v1/dnc/check?url=${encodeURIComponent(url)}`);
  expect(added.body.data.entry).toMatchObject({ note: "asked by email on 2 December", source: "dashboard" });

  // The same URL again: refused, and said so until the URL changes.
  await urlBox.fill(url);
  await dialog.getByRole("button", { name: "Add to list" }).click();
  const refusal = dialog.getByText(`${url} is already on the list.`);
  await expect(refusal).toBeVisible();
  await expectNoAxeViolationsInEitherScheme(page, "the Add dialog refusing a URL already listed");
  await urlBox.press("End");
  await urlBox.press("Backspace");
  await expect(refusal).toBeHidden();
});

test("the columns chosen in View are kept across reloads, for that team only", async ({ page }) => {
  await openAsTeam(page, "edge-columns");
  // At 1,024 px the note is one column too many until asked for.
  await expect(header(page, "Note")).toBeHidden();
  await expect(header(page, "Added by")).toBeVisible();
  await page.getByRole("button", { name: "View" }).click();
  await page.getByRole("menu").getByRole("menuitemcheckbox", { name: "Note" }).click();
  await page.getByRole("menu").getByRole("menuitemcheckbox", { name: "Added by" }).click();
  await page.keyboard.press("Escape");
  await expect(header(page, "Note")).toBeVisible();
  await expect(header(page, "Added by")).toHaveCount(0);

  await page.reload();
  await expect(header(page, "Note")).toBeVisible();
  await expect(header(page, "Added by")).toHaveCount(0);
  await page.getByRole("button", { name: "View" }).click();
  await expect(page.getByRole("menu").getByRole("menuitemcheckbox", { name: "Note" })).toBeChecked();
  await page.keyboard.press("Escape");

  // Another team's table has its own choices.
  await openAsTeam(page, "edge-phone");
  await expect(header(page, "Added by")).toBeVisible();
  await expect(header(page, "Note")).toBeHidden();
});

test("the import report says in words why a row was refused and names a repeat inside the file; Import stays off once done", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const first = `https://linkedin.com/in/edge-import-${stamp}`;
  const file = [
    "url,note",
    `${first},asked by letter`,
    `in/edge-import-other-${stamp},`,
    `https://www.linkedin.com/in/edge-import-${stamp}/,`,
    "not a url,",
  ].join("\r\n");
  await openAsTeam(page, "edge-import", "/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "repeats.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  const importButton = page.getByRole("button", { name: "Import 4 URLs" });
  await importButton.click();
  await expect(
    page.getByText(/4 of 4 rows sent · 2 added · 0 already on the list · 1 rejected · 1 repeated in this file · Import finished/),
  ).toBeVisible();
  await expect(importButton).toBeDisabled();
  await expect(importButton).toHaveAccessibleDescription("This file is imported. Choose a file to import another.");

  const report = page.getByRole("region", { name: "Import report" });
  const row = (n: number) => report.getByRole("row").filter({ has: page.getByRole("cell", { name: String(n), exact: true }) });
  await expect(row(4)).toContainText("Repeated in this file");
  await expect(row(4)).toContainText("repeats row 2 of this file");
  await expect(row(5)).toContainText("Rejected");
  await expect(row(5)).toContainText("not a LinkedIn profile URL");
  await expect(report).not.toContainText("invalid_url");
  await expectNoAxeViolationsInEitherScheme(page, "a finished import with its report");

  const downloaded = await downloadCsv(page, "Download full report");
  expect(downloaded.rows.map((r) => [r.row, r.status, r.result, r.detail])).toEqual([
    ["2", "added", "Added", first],
    ["3", "added", "Added", `https://linkedin.com/in/edge-import-other-${stamp}`],
    ["4", "repeat", "Repeated in this file", "repeats row 2 of this file"],
    ["5", "error", "Rejected", "not a LinkedIn profile URL"],
  ]);
  const listed = await apiAs("edge-import", `/api/v1/dnc/check?url=${encodeURIComponent(first)}`);
  expect(listed.body.data.entry).toMatchObject({ note: "asked by letter", source: "import", sourceFile: "repeats.csv" });

  // The same file chosen again (fixed, say): Import is offered again, and reports the rows as already listed.
  await page.getByLabel("CSV file").setInputFiles({ name: "repeats.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await expect(importButton).toBeEnabled();
  await importButton.click();
  await expect(page.getByText(/4 of 4 rows sent · 0 added · 3 already on the list · 1 rejected · Import finished/)).toBeVisible();
  await expect(row(4)).toContainText("Already on the list");
  await expect(row(4)).toContainText("also in row 2 of this file");
});
