import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/accessibility";
import { apiAs, expect, openAsTeam, test } from "./support/fixtures";
import { toasts } from "./support/toasts";

/** Issue 18, item 1 in the dashboard: agency clients managed in Settings, and each entry's list in the entries table, Add and the export. Writes go to team `clients`. */

const SCHEMES = ["light", "dark"] as const;
const clientsTable = (page: Page) => page.getByRole("table", { name: "Clients" });
const entriesTable = (page: Page) => page.getByRole("table", { name: "Do Not Contact entries" });
// Named by its label and the option chosen, as a select inside its label is.
const clientFilter = (page: Page) => page.getByRole("combobox", { name: /^Client/ });

async function expectNoAxeViolationsInEitherScheme(page: Page, state: string) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await expectNoAxeViolations(page, `${state} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: null });
}

async function addClient(page: Page, name: string) {
  await page.getByRole("button", { name: "Add client" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a client" });
  await dialog.getByLabel("Client name").fill(name);
  await dialog.getByRole("button", { name: "Add client" }).click();
  return dialog;
}

test("an entry on a client's list is seen with the global list under that client's filter; deleting the client asks where its entries go", async ({
  page,
}) => {
  const stamp = Date.now().toString(36);
  const acme = `Acme ${stamp}`;
  const globex = `Globex ${stamp}`;
  const acmeUrl = `https://linkedin.com/in/clients-acme-${stamp}`;
  const globalUrl = `https://linkedin.com/in/clients-global-${stamp}`;
  const globexUrl = `https://linkedin.com/in/clients-globex-${stamp}`;

  // A laptop's width: the Client column joins the table from xl.
  await page.setViewportSize({ width: 1280, height: 800 });

  // Two clients, added in Settings; a name taken is refused in words.
  await openAsTeam(page, "clients", "/settings");
  await expect(clientsTable(page)).toContainText("No clients yet");
  await expect(await addClient(page, acme)).toBeHidden();
  await expect(toasts(page).getByText(`Client “${acme}” added.`)).toBeVisible();
  await expect(await addClient(page, globex)).toBeHidden();
  const duplicate = await addClient(page, acme);
  await expect(duplicate.getByRole("alert")).toHaveText(`The team already has a client named “${acme}”.`);
  await expectNoAxeViolationsInEitherScheme(page, "the Add client dialog refusing a name taken");
  await duplicate.getByRole("button", { name: "Cancel" }).click();
  await expect(clientsTable(page).getByRole("row").filter({ hasText: acme }).getByRole("cell").nth(1)).toHaveText("0");
  await expectNoAxeViolationsInEitherScheme(page, "Settings with two clients");

  const listed = await apiAs("clients", "/api/v1/clients");
  const idOf = (name: string) => listed.body.data.clients.find((client: { name: string }) => client.name === name).id as string;
  const [acmeId, globexId] = [idOf(acme), idOf(globex)];

  // One entry on Acme's list from Add; one global and one on Globex's from the batch endpoint.
  const seeded = await apiAs("clients", "/api/v1/dnc/batch", {
    method: "POST",
    body: { entries: [{ url: globalUrl }, { url: globexUrl, clientId: globexId }] },
  });
  expect(seeded.body.data?.added, JSON.stringify(seeded.body)).toBe(2);
  await page.getByRole("link", { name: "Entries" }).click();
  await page.getByRole("button", { name: "Add URL" }).click();
  const add = page.getByRole("dialog", { name: "Add to the list" });
  await add.getByLabel("LinkedIn profile URL, company page or domain").fill(acmeUrl);
  await expect(add.getByLabel("Client")).toHaveValue("global");
  await add.getByLabel("Client").selectOption({ label: acme });
  await add.getByRole("button", { name: "Add to list" }).click();
  await expect(toasts(page).getByText(`Added ${acmeUrl}`)).toBeVisible();
  await add.getByRole("button", { name: "Close" }).click();

  // Acme's view: the global list and Acme's, not Globex's; the filter lives in the URL.
  await clientFilter(page).selectOption({ label: `${acme} — with global` });
  await expect(page).toHaveURL(new RegExp(`client=${acmeId}`));
  await expect(page.getByText("1–2 of 2")).toBeVisible();
  await page.reload();
  await expect(page.getByText("1–2 of 2")).toBeVisible();
  await expect(entriesTable(page).getByRole("row").filter({ hasText: acmeUrl })).toContainText(acme);
  await expect(entriesTable(page).getByRole("row").filter({ hasText: globalUrl })).toContainText("Global");
  await expect(entriesTable(page).getByRole("row").filter({ hasText: globexUrl })).toHaveCount(0);
  await expectNoAxeViolationsInEitherScheme(page, "the entries page filtered by a client, with the Client column");

  // The export names each entry's client, and leaves the cell empty for the global list.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const lines = readFileSync(await (await download).path(), "utf8")
    .trim()
    .split(/\r?\n/);
  const client = lines[0]!.split(",").indexOf("client");
  const exported = new Map(lines.slice(1).map((line) => [line.split(",")[0], line.split(",")[client]]));
  expect(exported).toEqual(
    new Map([
      [acmeUrl, acme],
      [globalUrl, ""],
    ]),
  );

  await clientFilter(page).selectOption({ label: "Global only" });
  await expect(page).toHaveURL(/client=global/);
  await expect(page.getByText("1–1 of 1")).toBeVisible();

  // A client with entries is refused without a target; the dialog asks for one and says how many move.
  const refused = await apiAs("clients", `/api/v1/clients/${acmeId}`, { method: "DELETE" });
  expect(refused.status).toBe(409);
  expect(refused.body.error).toBe("client_has_entries");
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByRole("button", { name: `Delete ${acme}` }).click();
  const confirm = page.getByRole("alertdialog", { name: `Delete “${acme}”?` });
  await expect(confirm).toContainText("1 entry on this client's list will move to the list you choose.");
  const deleteButton = confirm.getByRole("button", { name: "Delete client" });
  await expect(deleteButton).toBeDisabled();
  await expect(confirm.getByLabel("Move its 1 entry to").locator("option")).toHaveText([
    "Choose a list…",
    "Global (applies to every client)",
    globex,
  ]);
  await confirm.getByLabel("Move its 1 entry to").selectOption("global");
  await expectNoAxeViolationsInEitherScheme(page, "the Delete client dialog");
  await deleteButton.click();
  await expect(toasts(page).getByText(`“${acme}” was deleted; 1 entry moved to the global list.`)).toBeVisible();
  await expect(clientsTable(page).getByRole("row").filter({ hasText: acme })).toHaveCount(0);

  await page.getByRole("link", { name: "Entries" }).click();
  await expect(entriesTable(page).getByRole("row").filter({ hasText: acmeUrl })).toContainText("Global");
  const moved = await apiAs("clients", `/api/v1/dnc/check?url=${encodeURIComponent(acmeUrl)}`);
  expect(moved.body.data.entry.clientId).toBeUndefined();
});
