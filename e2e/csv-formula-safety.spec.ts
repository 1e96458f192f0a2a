import { readFileSync } from "node:fs";
import type { Locator, Page } from "@playwright/test";
import Papa from "papaparse";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";

const NOTE = '=HYPERLINK("http://evil.example","Click")';
const REASON = "@SUM(1+1)";
const FORMULA_START = /^[=+\-@\t\r]/;

async function download(page: Page, button: Locator): Promise<string> {
  const event = page.waitForEvent("download");
  await button.click();
  return readFileSync(await (await event).path(), "utf8");
}

function cells(csv: string): string[] {
  return Papa.parse<string[]>(csv.trim()).data.flat();
}

test("audit export: a note and a deletion reason that look like formulas reach the file as text", async ({ page }) => {
  const added = await apiAs("csv-safe", "/api/v1/dnc", { method: "POST", body: { url: "in/formula-note", note: NOTE } });
  expect(added.status).toBe(201);
  const removed = await apiAs("csv-safe", `/api/v1/dnc/${added.body.data.$id}`, { method: "DELETE", body: { reason: REASON } });
  expect(removed.status).toBe(200);

  await openAsTeam(page, "csv-safe", "/audit");
  // On screen the text is shown as written; only the file is guarded.
  await expect(page.getByRole("cell", { name: REASON, exact: true })).toBeVisible();
  const csv = await download(page, page.getByRole("button", { name: "Export CSV" }));

  expect(csv).toContain(`"'@SUM(1+1)"`);
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);
  const rows = Papa.parse<Record<string, string>>(csv, { header: true }).data;
  expect(rows.find((r) => r.action === "dnc.deleted")?.reason).toBe(`'${REASON}`);
  expect(rows.find((r) => r.action === "dnc.added")?.reason).toBe(`'${NOTE}`);
  expect(cells(csv).filter((cell) => FORMULA_START.test(cell))).toEqual([]);
});

test("import report: rejected rows that look like formulas are written to the report as text", async ({ page }) => {
  await openAsTeam(page, "csv-safe", "/import");
  const file = 'url\r\n"=HYPERLINK(""http://evil.example"",""Click"")"\r\n-2+3\r\n';
  await page.getByLabel("CSV file").setInputFiles({ name: "formulas.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Import 2 URLs" }).click();
  await expect(page.getByText(/2 of 2 rows sent · 0 added · 0 already on the list · 2 rejected · Import finished/)).toBeVisible();
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report.getByRole("cell", { name: NOTE, exact: true })).toBeVisible();

  const csv = await download(page, report.getByRole("button", { name: "Download full report" }));
  const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => [r.row, r.url, r.status])).toEqual([
    ["2", `'${NOTE}`, "error"],
    ["3", "'-2+3", "error"],
  ]);
  expect(cells(csv).filter((cell) => FORMULA_START.test(cell))).toEqual([]);
});
