import path from "node:path";
import type { Page } from "@playwright/test";
import { freePort, type RunningServer, startServer } from "../tests/support/server";
import { E2E_SERVER_ENV, RATE_WRITE_LIMIT } from "./support/constants";
import { apiAs, expect, openAsTeam, signIn, test } from "./support/fixtures";

// This spec stops its server, so it runs one of its own (same build, same database) and signs in to it.
test.use({ storageState: { cookies: [], origins: [] } });

const count = (page: Page, label: string) => page.getByTestId(`count-${label}`).locator("dd");
const progress = (page: Page) => page.getByRole("progressbar", { name: "Bulk delete progress" });

test("a bulk delete waits while the server is down, without failing anything, and finishes when it is back", async ({ page }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const start = () =>
    startServer({
      databaseUrl: process.env.E2E_DATABASE_URL!,
      logFile: path.join(process.env.E2E_WORK_DIR!, "offline-server.log"),
      env: E2E_SERVER_ENV,
      port,
    });
  let server: RunningServer = await start();
  try {
    const n = 8;
    const urls = Array.from({ length: n }, (_, i) => `https://linkedin.com/in/offline-${i}`);
    const seeded = await apiAs("offline", "/api/v1/dnc/batch", {
      method: "POST",
      body: { entries: urls.map((url) => ({ url })) },
      baseUrl: server.baseUrl,
    });
    expect(seeded.body.data.added).toBe(n);

    await signIn(page, server.baseUrl);
    await openAsTeam(page, "offline", "/entries", server.baseUrl);
    await expect(page.getByText(`1–${n} of ${n}`)).toBeVisible();
    await page.getByRole("checkbox", { name: "Select all on this page" }).click();
    await page.getByRole("button", { name: `Delete ${n} selected` }).click();
    await page
      .getByRole("alertdialog")
      .getByRole("button", { name: `Remove ${n} entries` })
      .click();

    // The first window's five go at once; the server dies while the queue waits for the next window.
    await expect(page.getByText(/Waiting for the rate limit/)).toBeVisible();
    await expect(count(page, "deleted")).toHaveText(String(RATE_WRITE_LIMIT));
    const exited = new Promise((resolve) => server.child.once("exit", resolve));
    server.child.kill("SIGKILL");
    await exited;

    await expect(page.getByRole("heading", { name: "Server unreachable" })).toBeVisible({ timeout: 10_000 });
    const processedWhenDown = await progress(page).getAttribute("aria-valuenow");
    const notice = page.getByRole("status").filter({ hasText: "The server cannot be reached (no answer)." });
    await expect(notice).toContainText(/Nothing counts as failed: trying the same entry again (in \d+s|now) \(attempt \d+\)/);
    // It keeps trying while the server is down, and nothing moves: no progress, no failure.
    await expect(notice).toContainText("(attempt 3)", { timeout: 10_000 });
    await expect(page.getByRole("button", { name: "Retry now" })).toBeVisible();
    await expect(count(page, "failed")).toHaveText("0");
    await expect(progress(page)).toHaveAttribute("aria-valuenow", processedWhenDown!);

    server = await start();
    await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 40_000 });
    await expect(count(page, "failed")).toHaveText("0");
    const deleted = Number(await count(page, "deleted").textContent());
    const alreadyGone = Number(await count(page, "already-gone").textContent());
    // A DELETE cut off by the kill may have been carried out before its answer was lost: then its retry finds it gone.
    expect(deleted + alreadyGone).toBe(n);
    const left = await apiAs("offline", "/api/v1/dnc", { baseUrl: server.baseUrl });
    expect(left.body.data.total).toBe(0);
  } finally {
    await server.stop();
  }
});
