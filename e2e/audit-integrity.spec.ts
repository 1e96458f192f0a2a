import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { AUDIT_CSV_COLUMNS } from "../lib/audit/audit-csv";
import { apiAs, expect, openAsTeam, seedEntries, test } from "./support/fixtures";

const ROOT = path.resolve(__dirname, "..");

/** A tsx script against the e2e server's database, as an operator would run one. */
function runTsx(script: string, args: string[]) {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", script, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
    encoding: "utf8",
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

test("Verify integrity says the chain is intact, the CSV export carries it, and an edit in the database is named", async ({ page }) => {
  test.setTimeout(90_000);
  await seedEntries("verify", 3);
  const trail = (await apiAs("verify", "/api/v1/audit?order=asc&limit=100")).body.data.events as { $id: string; sequence: number }[];
  // The team's write key, then the three additions.
  expect(trail).toHaveLength(4);

  await openAsTeam(page, "verify", "/audit");
  const status = page.getByRole("status", { name: "Audit integrity" });
  await page.getByRole("button", { name: "Verify integrity" }).click();
  await expect(status).toContainText("Verified: 4 events, chain intact (head #4,");
  const shownHash = (await status.locator("code").textContent())!.replace("…", "");
  const fullHash = await status.locator("code").getAttribute("title");
  expect(fullHash!.startsWith(shownHash)).toBe(true);

  // The export has the chain's columns, and the CLI checks the file on its own.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const file = await (await download).path();
  expect(readFileSync(file, "utf8").split(/\r?\n/)[0]).toBe(AUDIT_CSV_COLUMNS.join(","));
  const checked = runTsx("scripts/audit.ts", ["verify", "--file", file]);
  expect(checked.output).toContain("OK: 4 events checked");
  expect(checked.code).toBe(0);

  const edited = trail[2]!;
  const tampered = runTsx("e2e/support/edit-audit-event.ts", [edited.$id, "nothing to see here"]);
  expect(tampered.code, tampered.output).toBe(0);
  await page.getByRole("button", { name: "Verify integrity" }).click();
  await expect(status).toContainText(
    `Chain broken at event ${edited.$id} (#${edited.sequence}): its content does not match its hash (it was edited). 2 events before it verified.`,
  );
});
