/** Shared by the e2e seed (run under tsx) and the tests (run by Playwright). */
export const E2E_USER = { email: "e2e@dnc.test", password: "e2e-password-1" };
export const DEMO_PASSWORD = "demo-password";

/** One team per test that writes, so each test has its own rate-limit budget and data. */
export const E2E_TEAMS = [
  "perf",
  "single",
  "bulk",
  "gone",
  "pause",
  "kbd",
  "keys",
  "csv-a",
  "csv-b",
  "add",
  "csv-safe",
  "import",
  "offline",
  "lookalike",
  "members",
  "account",
  "sso",
  "a11y",
  "csp",
  "table",
  "verify",
  "restore",
  "removed-viewer",
  "history",
  "undo",
  "undo-bulk",
  "hooks",
  "aliases",
  "alias-viewer",
  "categories",
  "protected-admin",
  "expiry",
  "expiry-import",
  "expiry-restore",
  "roles",
  "no-team",
  "clients",
  "run-resume",
  "run-restore",
  "run-discard",
  "run-tabs",
  "run-eta",
  "edge-phone",
  "edge-export",
  "edge-export-to",
  "edge-add",
  "edge-columns",
  "edge-import",
  "live-rows",
  "live-pages",
  "live-undo-keys",
  "live-bulk-keys",
  "live-offline",
  "removed-runs",
  "removed-runs-viewer",
] as const;
export type E2eTeam = (typeof E2E_TEAMS)[number];

export const PERF_ENTRIES = 100_000;

/** The server's limits in the e2e run: short enough that waiting for a window costs seconds. */
export const RATE_WINDOW_MS = 4000;
export const RATE_WRITE_LIMIT = 5;

/** The environment of every e2e server: the limits above; expired entries swept within a second; the session secret made beside the database. */
export const E2E_SERVER_ENV = {
  DNC_RATE_WINDOW_MS: String(RATE_WINDOW_MS),
  DNC_RATE_WRITE_LIMIT: String(RATE_WRITE_LIMIT),
  DNC_EXPIRY_SWEEP_INTERVAL_MS: "500",
  NEXTAUTH_SECRET: "",
};

export type E2eFixtures = { teams: Partial<Record<E2eTeam, { id: string; writeKey: string }>> };
