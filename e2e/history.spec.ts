import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";

/** The audit trail names an API key by its prefix. */
const KEY_ACTOR = /by key:dncsk_\w+/;

async function check(page: Page, url: string) {
  await page.getByLabel("Check a URL").fill(url);
  await page.getByRole("button", { name: "Check", exact: true }).click();
}

test("a profile's history shows its addition, removal and restore with who and why, from a row and from the check box", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const slug = `history-${stamp}`;
  const url = `https://linkedin.com/in/${slug}`;
  const imported = `https://linkedin.com/in/history-import-${stamp}`;
  expect((await apiAs("history", "/api/v1/dnc", { method: "POST", body: { url, note: "asked by phone" } })).status).toBe(201);
  const batch = await apiAs("history", "/api/v1/dnc/batch", {
    method: "POST",
    body: { entries: [{ url: imported }], importFile: "opt-outs november.csv" },
  });
  expect(batch.status).toBe(201);

  // Removed from the entries page, restored from Recently removed, each with a reason.
  await openAsTeam(page, "history");
  await page.getByRole("button", { name: `Actions for ${url}` }).click();
  await page.getByRole("menuitem", { name: "Delete" }).click();
  await page
    .getByRole("alertdialog")
    .getByLabel(/Reason/)
    .fill("consent withdrawn");
  await page.getByRole("alertdialog").getByRole("button", { name: "Remove entry" }).click();
  await expect(page.getByRole("cell", { name: url, exact: true })).toBeHidden();
  await page.getByRole("link", { name: "Recently removed" }).click();
  await page.getByRole("button", { name: `Restore ${url}` }).click();
  const restore = page.getByRole("dialog", { name: "Restore this entry?" });
  await restore.getByLabel(/Reason/).fill("removed by mistake");
  await restore.getByRole("button", { name: "Restore entry" }).click();
  await expect(page.getByText(`Restored ${url}`)).toBeVisible();
  await expect(page.getByText("Nothing was removed recently.")).toBeVisible();

  // From the row's actions menu, once the toast has gone (under the dialog's overlay it would be dimmed, and axe would count it).
  await expect(page.getByText(`Restored ${url}`)).toBeHidden({ timeout: 15_000 });
  await page.getByRole("link", { name: "Entries" }).click();
  const opener = page.getByRole("button", { name: `Actions for ${url}` });
  await opener.click();
  await page.getByRole("menuitem", { name: "History" }).click();
  const dialog = page.getByRole("dialog", { name: `History of ${url}` });
  const steps = dialog.getByRole("listitem");
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toContainText(/^Added/);
  await expect(steps.nth(0)).toContainText(KEY_ACTOR);
  await expect(steps.nth(0)).toContainText("through the API");
  await expect(steps.nth(0)).toContainText("Note: asked by phone");
  await expect(steps.nth(1)).toContainText(/^Removed/);
  await expect(steps.nth(1)).toContainText("by e2e@dnc.test");
  await expect(steps.nth(1)).toContainText("Reason: consent withdrawn");
  await expect(steps.nth(2)).toContainText(/^Restored/);
  await expect(steps.nth(2)).toContainText("by e2e@dnc.test");
  await expect(steps.nth(2)).toContainText("Reason: removed by mistake");
  const removedAt = await steps.nth(1).locator("time").textContent();
  await expect(steps.nth(2)).toContainText(`Undoes the removal of ${removedAt}`);
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `a profile's history (${colorScheme})`);
  }
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // From the check box, in another spelling of the same URL.
  await check(page, `http://www.linkedin.com/in/${slug.toUpperCase()}/?trk=x`);
  await expect(page.getByTestId("check-result")).toContainText("On the list");
  await page.getByRole("button", { name: "History", exact: true }).click();
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(2)).toContainText("Reason: removed by mistake");
  await dialog.getByRole("button", { name: "Close" }).click();

  // Not on the list any more, but it was: the check box still offers its history.
  const importedId = batch.body.data.details[0].$id as string;
  expect((await apiAs("history", `/api/v1/dnc/${importedId}`, { method: "DELETE", body: { reason: "duplicate" } })).status).toBe(200);
  await check(page, imported);
  await expect(page.getByTestId("check-result")).toContainText("Not on the list. It was before.");
  await page.getByRole("button", { name: "History", exact: true }).click();
  const importedSteps = page.getByRole("dialog").getByRole("listitem");
  await expect(importedSteps).toHaveCount(2);
  await expect(importedSteps.nth(0)).toContainText("by importing the file opt-outs november.csv");
  await expect(importedSteps.nth(1)).toContainText(KEY_ACTOR);
  await expect(importedSteps.nth(1)).toContainText("Reason: duplicate");
  await page.keyboard.press("Escape");

  // A profile the list never had: no history to offer.
  await check(page, `linkedin.com/in/never-${stamp}`);
  await expect(page.getByTestId("check-result")).toHaveText("Not on the list.");
  await expect(page.getByRole("button", { name: "History", exact: true })).toHaveCount(0);
});
