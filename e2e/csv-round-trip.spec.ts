import { readFileSync } from "node:fs";
import { apiAs, expect, openAsTeam, seedEntries, test } from "./support/fixtures";

test("CSV export of one team imports into the other through the team switcher, companies and domains included", async ({ page }) => {
  const profiles = await seedEntries("csv-a", 28);
  const stamp = Date.now().toString(36);
  const others = await apiAs("csv-a", "/api/v1/dnc/batch", {
    method: "POST",
    body: {
      entries: [
        { kind: "company", url: `linkedin.com/company/csv-co-${stamp}` },
        { kind: "domain", domain: `csv-${stamp}.example`, includeSubdomains: true },
      ],
    },
  });
  expect(others.body.data.added).toBe(2);
  const urls = [...profiles, `https://linkedin.com/company/csv-co-${stamp}`, `csv-${stamp}.example`];
  await openAsTeam(page, "csv-a");
  await expect(page.getByText("1–25 of 30")).toBeVisible();

  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, "utf8");
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe(
    "url,canonical_url,created_at,id,aliases,canonical_aliases,kind,include_subdomains,category,received_at,late,expires_at,client,added_by,source,source_file,note",
  );
  expect(lines).toHaveLength(31);
  expect(new Set(lines.slice(1).map((line) => line.split(",")[0]))).toEqual(new Set(urls));

  await page.getByRole("button", { name: /Team: E2E csv-a/ }).click();
  await page.getByRole("menuitem", { name: /E2E csv-b/ }).click();
  await expect(page.getByRole("button", { name: /Team: E2E csv-b/ })).toBeVisible();
  await expect(page.getByText("The list is empty.", { exact: false })).toBeVisible();

  await page.getByRole("link", { name: "Import" }).click();
  await page
    .getByLabel("CSV file")
    // One more row, as wide as the header (a shorter one would be refused as shifted): a URL that is not one.
    .setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(`${csv}\r\nnot a url${",".repeat(16)}\r\n`) });
  await expect(page.getByText("export.csv: 31 URLs")).toBeVisible();
  await page.getByRole("button", { name: "Import 31 URLs" }).click();
  await expect(page.getByText(/31 of 31 rows sent · 30 added · 0 already on the list · 1 rejected · Import finished/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "31");
  const report = page.getByRole("region", { name: "Import report" });
  await expect(report.getByRole("row").filter({ hasText: "not a url" })).toContainText("Rejected");

  const imported = await apiAs("csv-b", "/api/v1/dnc?limit=100");
  expect(new Set(imported.body.data.entries.map((e: { url: string }) => e.url))).toEqual(new Set(urls));
  // A domain comes back as a domain, with its subdomains; a company as a company.
  expect(imported.body.data.entries.find((e: { url: string }) => e.url === `csv-${stamp}.example`)).toMatchObject({
    kind: "domain",
    includeSubdomains: true,
  });
  expect(imported.body.data.entries.find((e: { url: string }) => e.url.includes("/company/"))).toMatchObject({ kind: "company" });

  // Importing the same file again reports every row as already on the list.
  await page.getByLabel("CSV file").setInputFiles({ name: "again.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Import 30 URLs" }).click();
  await expect(page.getByText(/30 of 30 rows sent · 0 added · 30 already on the list/)).toBeVisible();
  await openAsTeam(page, "csv-b");
  await expect(page.getByText("1–25 of 30")).toBeVisible();
});
