import { defineConfig } from "@playwright/test";

/**
 * Browser tests against the production build (started by e2e/support/global-setup.ts). The
 * browser is the system's Chromium by default (Playwright's download host is unreachable here);
 * CHROMIUM_PATH points elsewhere, e.g. at a browser from `npx playwright install`.
 */
export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/support/global-setup.ts",
  outputDir: "test-results",
  // One worker: the tests share one server, and a 2-core machine gains nothing from more.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testMatch: /\.spec\.ts/, dependencies: ["setup"], use: { storageState: ".e2e-auth/e2e.json" } },
  ],
  use: {
    browserName: "chromium",
    viewport: { width: 1024, height: 768 },
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    },
  },
});
