import { DEMO_PASSWORD } from "./support/constants";
import { expect, test } from "./support/fixtures";

test.use({ storageState: { cookies: [], origins: [] } });

test("a viewer sees no destructive controls, and a forged DELETE from their session is refused", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("viewer@acme.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: /Team: Acme Corp/ })).toContainText("Viewer");
  await expect(page.getByRole("cell", { name: "https://linkedin.com/in/jane-doe", exact: true })).toBeVisible();

  await expect(page.getByRole("checkbox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Delete/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add URL" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "API keys" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeVisible();

  // The same request the owner's dashboard would send, made from the viewer's page.
  const forged = await page.evaluate(async () => {
    const list = await (await fetch("/api/v1/dnc", { headers: { "x-dnc-team": "acme" } })).json();
    const id = list.data.entries[0].$id as string;
    const response = await fetch(`/api/v1/dnc/${id}`, {
      method: "DELETE",
      headers: { "x-dnc-team": "acme", "content-type": "application/json" },
      body: JSON.stringify({ reason: "forged" }),
    });
    const keys = await fetch("/api/v1/api-keys", { headers: { "x-dnc-team": "acme" } });
    return { status: response.status, body: await response.json(), keysStatus: keys.status, total: list.data.total };
  });
  expect(forged.status).toBe(403);
  expect(forged.body.error).toBe("forbidden");
  expect(forged.keysStatus).toBe(403);
  await page.reload();
  await expect(page.getByText(`1–${forged.total} of ${forged.total}`)).toBeVisible();

  await page.goto("/import");
  await expect(page.getByText("Viewers cannot add entries.")).toBeVisible();
  await page.goto("/webhooks");
  await expect(page.getByText("Only owners and admins manage webhooks.")).toBeVisible();

  // Members: no role to change and nobody else to remove, but a viewer may leave (the server always allowed it).
  await page.goto("/members");
  await expect(page.getByRole("button", { name: "Leave the team" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("combobox")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Invite" })).toHaveCount(0);
});
