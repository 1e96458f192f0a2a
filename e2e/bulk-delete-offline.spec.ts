import path from "node:path";
import type { Page } from "@playwright/test";
import { freePort, type RunningServer, startServer } from "../tests/support/server";
import { E2E_SERVER_ENV, type E2eTeam, RATE_WRITE_LIMIT } from "./support/constants";
import { apiAs, expect, openAsTeam, signIn, test } from "./support/fixtures";

// This spec stops its server, so it runs one of its own (same build, same database) and signs in to it.
test.use({ storageState: { cookies: [], origins: [] } });

const count = (page: Page, label: string) => page.getByTestId(`count-${label}`).locator("dd");
const progress = (page: Page) => page.getByRole("progressbar", { name: "Bulk delete progress" });

/** This spec's own server on a port of its own: `start` (again, after a kill) serves the same build and database. */
async function ownServer(logName: string) {
  const port = await freePort();
  return () =>
    startServer({
      databaseUrl: process.env.E2E_DATABASE_URL!,
      logFile: path.join(process.env.E2E_WORK_DIR!, logName),
      env: E2E_SERVER_ENV,
      port,
    });
}

/** Seeds `n` entries, signs in, confirms the bulk delete of them all, and kills the server while the run waits for the next window. */
async function deleteAllThenKill(page: Page, server: RunningServer, team: E2eTeam, n: number) {
  const urls = Array.from({ length: n }, (_, i) => `https://linkedin.com/in/${team}-${i}`);
  const seeded = await apiAs(team, "/api/v1/dnc/batch", {
    method: "POST",
    body: { entries: urls.map((url) => ({ url })) },
    baseUrl: server.baseUrl,
  });
  expect(seeded.body.data.added).toBe(n);

  await signIn(page, server.baseUrl);
  await openAsTeam(page, team, "/entries", server.baseUrl);
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
}

test("a bulk delete waits while the server is down, without failing anything, and finishes when it is back", async ({ page }) => {
  test.setTimeout(120_000);
  const start = await ownServer("offline-server.log");
  let server: RunningServer = await start();
  try {
    const n = 8;
    await deleteAllThenKill(page, server, "offline", n);

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

test("a run waiting out a long backoff resumes within seconds of the server coming back", async ({ page }) => {
  test.setTimeout(150_000);
  const start = await ownServer("live-offline-server.log");
  let server: RunningServer = await start();
  try {
    const n = 8;
    await deleteAllThenKill(page, server, "live-offline", n);
    // Six attempts without an answer, waits of 1, 2, 4, 8 and 16 s between them: the next comes after 30 s.
    const notice = page.getByRole("status").filter({ hasText: "The server cannot be reached (no answer)." });
    await expect(notice).toContainText("(attempt 7)", { timeout: 60_000 });
    await expect(notice).toContainText("or as soon as the server is back: it is asked every second.");

    server = await start();
    const back = Date.now();
    await expect(page.getByRole("heading", { name: "Finished" })).toBeVisible({ timeout: 30_000 });
    const resumedMs = Date.now() - back;
    test.info().annotations.push({ type: "finished after the server came back (ms)", description: String(resumedMs) });
    // Waiting out the backoff would take the rest of 30 s; the once-a-second check takes about one.
    expect(resumedMs).toBeLessThanOrEqual(4000);
    await expect(count(page, "failed")).toHaveText("0");
    const left = await apiAs("live-offline", "/api/v1/dnc", { baseUrl: server.baseUrl });
    expect(left.body.data.total).toBe(0);
  } finally {
    await server.stop();
  }
});
