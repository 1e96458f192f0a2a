import { apiAs, expect, openAsTeam, test } from "./support/fixtures";

const profile = (name: string) => `https://linkedin.com/in/import-${name}`;

test("a malformed CSV: unreadable rows are listed by row number before and after the import; the readable rows are imported", async ({
  page,
}) => {
  const file = [
    "url,note",
    `${profile("a")},ok`,
    `${profile("b")},one field,too many`,
    profile("c"),
    `${profile("d")},ok`,
    `${profile("e")},"a quote never closed`,
    `${profile("f")},swallowed by the open quote`,
  ].join("\r\n");
  await openAsTeam(page, "import", "/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "malformed.csv", mimeType: "text/csv", buffer: Buffer.from(file) });

  await expect(page.getByText("malformed.csv: 2 URLs")).toBeVisible();
  const unreadable = page.getByRole("region", { name: "Rows that cannot be read" });
  await expect(unreadable).toContainText("3 rows cannot be read and will not be imported");
  await expect(unreadable.getByRole("listitem")).toHaveText([
    "Row 3: 3 fields where the header has 2: the columns may have shifted, so the row is not used.",
    "Row 4: 1 field where the header has 2: the columns may have shifted, so the row is not used.",
    /^Row 6: A quote opened in this row is never closed: the rest of the file was read as part of this row/,
  ]);

  await page.getByRole("button", { name: "Import 2 URLs" }).click();
  await expect(
    page.getByText("2 of 2 rows sent · 2 added · 0 already on the list · 0 rejected · 3 not read · Import finished"),
  ).toBeVisible();
  await expect(unreadable).toBeHidden();
  const report = page.getByRole("region", { name: "Import report" });
  const rows = report.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText(/^3.*Not read.*3 fields where the header has 2/);
  await expect(rows.nth(2)).toContainText(/^4.*Not read.*1 field where the header has 2/);
  await expect(rows.nth(3)).toContainText(/^6.*Not read.*never closed/);

  const listed = await apiAs("import", "/api/v1/dnc?limit=100");
  expect(listed.body.data.entries.map((e: { url: string }) => e.url).sort()).toEqual([profile("a"), profile("d")]);
  // Provenance: who imported them, and from which file.
  expect(listed.body.data.entries.map((e: { source: string; sourceFile: string }) => [e.source, e.sourceFile])).toEqual([
    ["import", "malformed.csv"],
    ["import", "malformed.csv"],
  ]);
});
