import { startWebhookReceiver } from "../tests/support/webhook-receiver";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";
import { toasts } from "./support/toasts";

test("register a webhook, see its signed deliveries, the notice when it is disabled, re-enable and resend", async ({ page }) => {
  // The e2e server allows private addresses (tests/support/server.ts), so a receiver on 127.0.0.1 will do.
  const receiver = await startWebhookReceiver();
  try {
    await openAsTeam(page, "hooks", "/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await page.getByRole("button", { name: "Register webhook" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Endpoint URL").fill(receiver.url());
    await dialog.getByRole("checkbox", { name: /dnc\.restored/ }).uncheck();
    await dialog.getByRole("button", { name: "Register" }).click();
    const secret = (await dialog.getByTestId("new-webhook-secret").textContent())!.trim();
    expect(secret).toMatch(/^whsec_/);
    receiver.setSecret(secret);
    await expect(toasts(page).getByText(`Webhook to ${receiver.url()} registered.`)).toBeVisible();
    await dialog.getByRole("button", { name: "Done" }).click();
    await expect(page.getByText(secret)).toHaveCount(0);

    const row = page.getByRole("row").filter({ hasText: receiver.url() });
    await expect(row).toContainText("dnc.added, dnc.deleted");
    await expect(row).toContainText("Enabled");

    expect((await apiAs("hooks", "/api/v1/dnc", { method: "POST", body: { url: "linkedin.com/in/hooked-once" } })).status).toBe(201);
    await expect.poll(() => receiver.received.length).toBe(1);
    expect(receiver.received[0]!.data.entries[0].url).toBe("https://linkedin.com/in/hooked-once");
    await page.getByRole("button", { name: `Deliveries to ${receiver.url()}` }).click();
    const log = page.getByRole("table", { name: `Deliveries to ${receiver.url()}` });
    await expect(log.getByRole("row").filter({ hasText: "dnc.added" })).toContainText("Delivered");

    // The receiver breaks: after the (short, in tests) retry schedule the endpoint is disabled.
    receiver.respondWith((_, response) => {
      response.statusCode = 500;
      response.end("down");
    });
    expect((await apiAs("hooks", "/api/v1/dnc", { method: "POST", body: { url: "linkedin.com/in/hooked-twice" } })).status).toBe(201);
    await expect(async () => {
      await page.reload();
      await expect(page.getByRole("alert").filter({ hasText: "was disabled" })).toContainText("last with HTTP 500", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    receiver.respondWith((_, response) => response.end("ok"));
    await page.getByRole("button", { name: `Re-enable ${receiver.url()}` }).click();
    await expect(row).toContainText("Enabled");
    await page.getByRole("button", { name: `Deliveries to ${receiver.url()}` }).click();
    const failed = log.getByRole("row").filter({ hasText: "Failed" });
    await expect(failed).toContainText("500");
    await failed.getByRole("button", { name: /^Resend/ }).click();
    await expect(toasts(page).getByText("The dnc.added event is being sent again.")).toBeVisible();
    await expect.poll(() => receiver.received.length).toBe(2);
    expect(receiver.received[1]!.data.entries[0].url).toBe("https://linkedin.com/in/hooked-twice");
    await expect(log.getByRole("row").filter({ hasText: "Failed" })).toHaveCount(0);
    // The log keeps the attempts from before the resend beside the one after it.
    const resent = log.getByRole("row").filter({ hasText: "dnc.added" }).filter({ hasText: "All " });
    await resent.getByText(/^All \d+ attempts$/).click();
    await expect(resent.getByRole("listitem").filter({ hasText: ": 500" }).first()).toBeVisible();
    await expect(resent.getByRole("listitem").filter({ hasText: ": 200" })).toHaveCount(1);
  } finally {
    await receiver.close();
  }
});
