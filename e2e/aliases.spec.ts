import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/accessibility";
import { apiAs, expect, openAsTeam, seedEntries, test } from "./support/fixtures";
import { joinByInvitation } from "./support/members";
import { toasts } from "./support/toasts";

// An entry's other identifiers in the dashboard: added from the row's menu, shown on the row, found by
// the check box, listed and removed in the history. Writes go to teams `aliases` and `alias-viewer`.

test("add an alias from the row menu, see it on the row, check by it, and remove it after confirming", async ({ page }) => {
  const [url, other] = await seedEntries("aliases", 2);
  const alias = `${url}-renamed`;
  await openAsTeam(page, "aliases");

  await page.getByRole("button", { name: `Actions for ${url}` }).click();
  await page.getByRole("menuitem", { name: "Add alias" }).click();
  const dialog = page.getByRole("dialog", { name: `Add an alias of ${url}` });
  await expect(dialog).toContainText("another identifier of the same person");
  // Another entry's URL is held: the refusal names the entry that holds it.
  await dialog.getByLabel("Other identifier").fill(other!.replace("https://", "https://www."));
  await expect(dialog.getByTestId("normalized-preview")).toHaveText(`Will be stored as ${other}`);
  await dialog.getByRole("button", { name: "Add alias" }).click();
  await expect(dialog.getByText(`${other} is already on the list as ${other}.`)).toBeVisible();
  await dialog.getByLabel("Other identifier").fill(`${alias.replace("https://", "https://www.")}/?trk=x`);
  await expect(dialog.getByTestId("normalized-preview")).toHaveText(`Will be stored as ${alias}`);
  await expectNoAxeViolations(page, "the Add alias dialog");
  await dialog.getByRole("button", { name: "Add alias" }).click();
  await expect(dialog).toBeHidden();
  await expect(toasts(page).getByText(`Added ${alias} as an alias of ${url}`)).toBeVisible();

  // On the row: a count, and the list behind it.
  await page.getByRole("button", { name: `1 alias of ${url}` }).click();
  const popover = page.getByRole("dialog", { name: `Aliases of ${url}` });
  await expect(popover).toContainText(alias);
  await expect(popover).toContainText("To remove one, open History");
  await page.keyboard.press("Escape");

  await page.getByLabel("Check a URL").fill(alias);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.getByTestId("check-result")).toContainText(`On the list (by alias): ${url}`);

  await page.getByRole("button", { name: `Actions for ${url}` }).click();
  await page.getByRole("menuitem", { name: "History" }).click();
  const history = page.getByRole("dialog", { name: `History of ${url}` });
  const aliases = history.getByRole("region", { name: "Aliases" });
  await expect(aliases).toContainText(alias);
  // The alias's own event is in the entry's history, though it names the alias.
  await expect(history.getByText("Alias added")).toBeVisible();
  await expectNoAxeViolations(page, "a history with aliases");

  // A removal asks first; cancelling keeps the alias.
  await aliases.getByRole("button", { name: `Remove alias ${alias}` }).click();
  const confirm = page.getByRole("alertdialog", { name: "Remove this alias?" });
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(aliases).toContainText(alias);
  await aliases.getByRole("button", { name: `Remove alias ${alias}` }).click();
  await confirm.getByRole("button", { name: "Remove alias", exact: true }).click();
  await expect(toasts(page).getByText(`Removed the alias ${alias}`)).toBeVisible();
  await expect(aliases).toBeHidden();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("cell", { name: url, exact: true })).toBeVisible();

  await page.getByLabel("Check a URL").fill(alias);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await expect(page.getByTestId("check-result")).toContainText("Not on the list.");
});

test("a viewer sees an entry's aliases but no control to add or remove one", async ({ page, browser, baseURL }) => {
  const [url] = await seedEntries("alias-viewer", 1);
  const alias = `${url}-renamed`;
  const listed = await apiAs("alias-viewer", `/api/v1/dnc/check?url=${encodeURIComponent(url!)}`);
  const added = await apiAs("alias-viewer", `/api/v1/dnc/${listed.body.data.entry.$id}/aliases`, { method: "POST", body: { url: alias } });
  expect(added.status).toBe(201);

  await openAsTeam(page, "alias-viewer");
  const viewer = await joinByInvitation({ ownerPage: page, browser, baseURL, team: "alias-viewer", role: "viewer", label: "alias" });
  await viewer.page.getByRole("button", { name: `1 alias of ${url}` }).click();
  const popover = viewer.page.getByRole("dialog", { name: `Aliases of ${url}` });
  await expect(popover).toContainText(alias);
  await expect(popover).not.toContainText("To remove one");
  await viewer.page.keyboard.press("Escape");

  // On a phone the count stays under the URL, and the page does not scroll sideways.
  await viewer.page.setViewportSize({ width: 390, height: 844 });
  await expect(viewer.page.getByRole("button", { name: `1 alias of ${url}` })).toBeVisible();
  await expectNoHorizontalScroll(viewer.page, 390);

  await viewer.page.getByRole("button", { name: `Actions for ${url}` }).click();
  await expect(viewer.page.getByRole("menuitem", { name: "Add alias" })).toHaveCount(0);
  await viewer.page.getByRole("menuitem", { name: "History" }).click();
  const history = viewer.page.getByRole("dialog", { name: `History of ${url}` });
  await expect(history.getByRole("region", { name: "Aliases" })).toContainText(alias);
  await expect(history.getByRole("button", { name: /^Remove alias/ })).toHaveCount(0);
  await viewer.page.context().close();
});
