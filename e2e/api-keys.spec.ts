import { expect, openAsTeam, test } from "./support/fixtures";
import { toasts } from "./support/toasts";

test("create an API key in the dashboard, use it from outside, revoke it", async ({ page, baseURL }) => {
  await openAsTeam(page, "keys", "/api-keys");
  await expect(page.getByRole("heading", { name: "API keys" })).toBeVisible();
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("CRM sync");
  await dialog.getByLabel(/Write: also add/).check();
  await dialog.getByRole("button", { name: "Create key" }).click();
  const secret = (await dialog.getByTestId("new-api-key").textContent())!.trim();
  expect(secret).toMatch(/^dncsk_[A-Za-z0-9]{40}$/);
  await expect(toasts(page).getByText("API key “CRM sync” created.")).toBeVisible();
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  const row = page.getByRole("row").filter({ hasText: "CRM sync" });
  await expect(row).toContainText(`${secret.slice(0, 12)}…`);
  await expect(row).toContainText("write");
  await expect(page.getByText(secret)).toHaveCount(0);

  const headers = { authorization: `Bearer ${secret}`, "content-type": "application/json" };
  const added = await fetch(`${baseURL}/api/v1/dnc`, {
    method: "POST",
    headers,
    body: JSON.stringify({ url: "linkedin.com/in/added-by-key" }),
  });
  expect(added.status).toBe(201);
  await page.getByRole("link", { name: "Entries" }).click();
  await expect(page.getByRole("cell", { name: "https://linkedin.com/in/added-by-key", exact: true })).toBeVisible();

  await page.getByRole("link", { name: "API keys" }).click();
  await page.getByRole("button", { name: "Revoke CRM sync" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("row").filter({ hasText: "CRM sync" })).toContainText("Revoked");
  await expect(toasts(page).getByText(/^“CRM sync” was revoked/)).toBeVisible();
  const refused = await fetch(`${baseURL}/api/v1/dnc`, { headers });
  expect(refused.status).toBe(401);

  await page.getByRole("link", { name: "Audit log" }).click();
  await page.getByLabel("Action").selectOption("apikey.revoked");
  await expect(page.getByRole("row").filter({ hasText: "API key revoked" })).toContainText("e2e@dnc.test");
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^audit-keys-apikey\.revoked-\d{4}-\d{2}-\d{2}\.csv$/);
});
