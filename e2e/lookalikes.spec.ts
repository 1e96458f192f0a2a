import type { Locator, Page } from "@playwright/test";
import { MAX_STACKED_MARKS } from "../lib/dnc/slug-display";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";

const CYRILLIC_O = "\u043e";
const ACUTE = "\u0301";
const MIXED = `jane-d${CYRILLIC_O}e`;
// The longest flood the normaliser accepts: a slug is at most 100 characters, so one letter and 99 marks.
const FLOOD = `x${ACUTE.repeat(99)}`;
const LONG = "l".repeat(100);

const row = (page: Page, slugStart: string) => page.getByRole("row").filter({ hasText: `linkedin.com/in/${slugStart}` });
const height = async (locator: Locator) => (await locator.boundingBox())!.height;

test("lookalikes: a mixed-script slug is flagged in the table and the check box; a flood of marks or a long slug keeps rows and page in shape", async ({
  page,
}) => {
  const slugs = ["plain-row", MIXED, FLOOD, LONG];
  const added = await apiAs("lookalike", "/api/v1/dnc/batch", {
    method: "POST",
    body: { entries: slugs.map((slug) => ({ url: `linkedin.com/in/${slug}` })) },
  });
  expect(added.body.data.added).toBe(slugs.length);

  await openAsTeam(page, "lookalike");
  await expect(page.getByText(`1–4 of 4`)).toBeVisible();
  const plain = row(page, "plain-row");
  const mixed = row(page, MIXED);
  const flood = row(page, "x");
  const long = row(page, "lll");

  await expect(mixed.getByText("Mixed scripts")).toBeVisible();
  await expect(
    mixed.getByTitle(`This slug mixes Latin and Cyrillic letters (Cyrillic: ${CYRILLIC_O}), which look alike`, { exact: false }),
  ).toBeVisible();
  for (const other of [plain, flood, long]) await expect(other.getByText("Mixed scripts")).toHaveCount(0);

  // The flood is cut down to a few marks, said so with a badge, and clipped; the stored form stays in the tooltip.
  const floodUrl = flood.getByTitle("https://linkedin.com/in/x%CC%81", { exact: false });
  await expect(floodUrl).toHaveText(`https://linkedin.com/in/x${ACUTE.repeat(MAX_STACKED_MARKS)}`);
  await expect(flood.getByText("Stacked marks")).toBeVisible();
  const normal = await height(plain);
  for (const other of [mixed, flood, long]) expect(await height(other)).toBe(normal);
  const overflow = await page.evaluate(() => {
    const root = document.documentElement;
    const tableBox = document.querySelector('table[aria-label="Do Not Contact entries"]')!.parentElement!;
    return { page: root.scrollWidth - root.clientWidth, table: tableBox.scrollWidth - tableBox.clientWidth };
  });
  expect(overflow).toEqual({ page: 0, table: 0 });

  const check = async (url: string) => {
    await page.getByLabel("Check a URL").fill(url);
    await page.getByRole("button", { name: "Check", exact: true }).click();
  };
  const result = page.getByTestId("check-result");
  await check(`linkedin.com/in/${MIXED}`);
  await expect(result).toContainText(`On the list: https://linkedin.com/in/${MIXED}`);
  await expect(result.getByText("Mixed scripts")).toBeVisible();
  // A lookalike that is not on the list may imitate one that is: flagged as well.
  await check(`linkedin.com/in/plain-r${CYRILLIC_O}w`);
  await expect(result).toContainText("Not on the list.");
  await expect(result.getByText("Mixed scripts")).toBeVisible();
  await check("linkedin.com/in/plain-row");
  await expect(result).toContainText("On the list: https://linkedin.com/in/plain-row");
  await expect(result.getByText("Mixed scripts")).toHaveCount(0);
});
