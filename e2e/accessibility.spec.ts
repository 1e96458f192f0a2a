import type { Page } from "@playwright/test";
import { expectNoAxeViolations, expectNoHorizontalScroll } from "./support/accessibility";
import { apiAs, expect, openAsTeam, seedEntries, test } from "./support/fixtures";
import { freshPage, invite, uniqueEmail } from "./support/members";
import { expectToast, toasts } from "./support/toasts";
import { startWebhookReceiver } from "../tests/support/webhook-receiver";

// Every page, in the states people meet it in, against WCAG 2.1 A and AA in both colour schemes;
// and no page scrolls sideways on a 390 px phone. Writes go to team `a11y`.

const SCHEMES = ["light", "dark"] as const;
const PHONE = { width: 390, height: 844 };

/**
 * Runs `visit` once per colour scheme, each time from a fresh navigation (a scheme switched under
 * a painted page would be measured mid-transition), and checks each state it reaches with axe.
 */
async function inBothSchemes(page: Page, visit: (check: (state: string) => Promise<void>, scheme: string) => Promise<void>) {
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    await visit((state) => expectNoAxeViolations(page, `${state} (${colorScheme})`), colorScheme);
  }
}

/** A name no run has used, for rows that must be new. */
const fresh = (label: string) => `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}`;

async function createRevokedKey(page: Page) {
  return page.evaluate(async () => {
    const headers = { "x-dnc-team": "a11y", "content-type": "application/json" };
    const created = await fetch("/api/v1/api-keys", {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "Retired tool", scope: "read" }),
    });
    const { data } = await created.json();
    await fetch(`/api/v1/api-keys/${data.id}`, { method: "DELETE", headers, body: "{}" });
  });
}

test.describe("signed out", () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("sign-in page, and its error", async ({ page }) => {
    await inBothSchemes(page, async (check) => {
      await page.goto("/sign-in");
      await expect(page.getByRole("heading", { name: "Sign in to DNC Console" })).toBeVisible();
      await check("sign-in");
      await page.getByLabel("Email").fill("nobody@e2e.test");
      await page.getByLabel("Password").fill("not the password");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
      await check("sign-in with an error");
    });
  });

  test("sign-in page at 390 px", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in to DNC Console" })).toBeVisible();
    await expectNoHorizontalScroll(page, PHONE.width);
  });
});

test("entries: rows with a selection and a lookalike badge, the team and account menus", async ({ page }) => {
  await seedEntries("a11y", 3);
  // A lookalike (a Cyrillic о), for its warning badge; through the batch endpoint, so the write budget stays whole.
  await apiAs("a11y", "/api/v1/dnc/batch", { method: "POST", body: { entries: [{ url: `linkedin.com/in/${fresh("jane-d\u043ee")}` }] } });
  await inBothSchemes(page, async (check) => {
    await openAsTeam(page, "a11y");
    await expect(page.getByRole("cell").getByText("Mixed scripts").first()).toBeVisible();
    await page
      .getByRole("checkbox", { name: /^Select https/ })
      .first()
      .click();
    await expect(page.getByRole("region", { name: "Selection" })).toBeVisible();
    await check("entries with a selected row");

    await page.getByRole("button", { name: /^Team: E2E a11y/ }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await check("entries with the team menu open");
    await page.keyboard.press("Escape");
    await page.getByRole("button", { name: "Account", exact: true }).click();
    await expect(page.getByRole("menuitem", { name: "Sign out" })).toBeVisible();
    await check("entries with the account menu open");
    await page.keyboard.press("Escape");
  });
});

test("entries: the add dialog, its preview, and the toast after adding", async ({ page }) => {
  await inBothSchemes(page, async (check, scheme) => {
    await openAsTeam(page, "a11y");
    await page.getByRole("button", { name: "Add URL" }).click();
    const dialog = page.getByRole("dialog");
    const slug = fresh(`added-${scheme}`);
    await dialog.getByLabel("LinkedIn profile URL").fill(`www.linkedin.com/in/${slug}`);
    await expect(dialog.getByTestId("normalized-preview")).toContainText(slug);
    await check("the add dialog");
    await dialog.getByRole("button", { name: "Add to list" }).click();
    await expectToast(page, `Added https://linkedin.com/in/${slug}`);
    await check("the add dialog with a toast");
  });
});

test("entries: the delete confirmation, and the toast after removing", async ({ page }) => {
  const urls = await seedEntries("a11y", 2);
  await inBothSchemes(page, async (check, scheme) => {
    const url = urls[scheme === "light" ? 0 : 1]!;
    await openAsTeam(page, "a11y");
    await page.getByRole("button", { name: `Actions for ${url}` }).click();
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const dialog = page.getByRole("alertdialog");
    await expect(dialog.getByRole("list", { name: "Entries to remove" })).toHaveText(url);
    await check("the delete confirmation");
    await dialog.getByRole("button", { name: "Remove entry" }).click();
    await expectToast(page, `Removed ${url}`);
    await check("entries with the removal toast");
  });
});

test("import: unreadable rows, the report, and the finished toast whose action opens the list", async ({ page }) => {
  await inBothSchemes(page, async (check, scheme) => {
    const file = ["url,note", `linkedin.com/in/${fresh(`imported-${scheme}`)},ok`, "not a url,ok", "linkedin.com/in/x,too,many"].join("\n");
    await openAsTeam(page, "a11y", "/import");
    await expect(page.getByRole("heading", { name: "Import a CSV" })).toBeVisible();
    await check("import");
    await page.getByLabel("CSV file").setInputFiles({ name: "mixed.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
    await expect(page.getByRole("region", { name: "Rows that cannot be read" })).toBeVisible();
    await check("import with unreadable rows");
    await page.getByRole("button", { name: "Import 2 URLs" }).click();
    const toast = await expectToast(page, "Import finished: 1 added · 0 already on the list · 1 rejected · 1 not read.");
    await expect(page.getByRole("table", { name: "Rows not added" }).getByRole("row")).toHaveCount(3);
    await check("import with its report and toast");
    await toast.getByRole("button", { name: "View entries" }).click();
    await expect(page).toHaveURL(/\/entries$/);
  });
});

test("audit log", async ({ page }) => {
  await seedEntries("a11y", 1);
  await inBothSchemes(page, async (check) => {
    await openAsTeam(page, "a11y", "/audit");
    await expect(page.getByRole("row").filter({ hasText: "Entry imported" }).first()).toBeVisible();
    await check("the audit log");
  });
});

test("API keys: a revoked key, and a new key's secret shown once", async ({ page }) => {
  await openAsTeam(page, "a11y", "/api-keys");
  await createRevokedKey(page);
  await inBothSchemes(page, async (check, scheme) => {
    await openAsTeam(page, "a11y", "/api-keys");
    await expect(page.getByRole("row").filter({ hasText: "Retired tool" }).first()).toContainText("Revoked");
    await check("API keys");
    await page.getByRole("button", { name: "Create API key" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(`Tool ${scheme}`);
    await check("the create key dialog");
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(dialog.getByTestId("new-api-key")).toBeVisible();
    await expectToast(page, `API key “Tool ${scheme}” created.`);
    await check("a new key shown once");
  });
});

test("webhooks: an endpoint with its delivery log, the register dialog and the secret shown once", async ({ page }) => {
  const receiver = await startWebhookReceiver();
  try {
    await apiAs("a11y", "/api/v1/webhooks", { method: "POST", body: { url: receiver.url(), events: ["dnc.added"] } });
    await seedEntries("a11y", 1);
    await inBothSchemes(page, async (check) => {
      await openAsTeam(page, "a11y", "/webhooks");
      await page.getByRole("button", { name: `Deliveries to ${receiver.url()}` }).click();
      await expect(
        page
          .getByRole("table", { name: `Deliveries to ${receiver.url()}` })
          .getByRole("row")
          .filter({ hasText: "Delivered" })
          .first(),
      ).toBeVisible();
      await check("webhooks with a delivery log");
      await page.getByRole("button", { name: "Register webhook" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByLabel("Endpoint URL").fill(receiver.url("/other"));
      await check("the register webhook dialog");
      await dialog.getByRole("button", { name: "Register" }).click();
      await expect(dialog.getByTestId("new-webhook-secret")).toBeVisible();
      await check("a new webhook's secret shown once");
    });
  } finally {
    await receiver.close();
  }
});

test("members: a pending invitation, the invite dialog and the link shown once", async ({ page }) => {
  await openAsTeam(page, "a11y", "/members");
  await invite(page, "a11y", uniqueEmail("pending"), "viewer");
  await inBothSchemes(page, async (check) => {
    await openAsTeam(page, "a11y", "/members");
    await expect(
      page.getByRole("table", { name: "Pending invitations" }).getByRole("row").filter({ hasText: "@e2e.test" }).first(),
    ).toBeVisible();
    await expect(page.getByTestId("skeleton-row")).toHaveCount(0);
    await check("members");
    await page.getByRole("button", { name: "Invite", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await check("the invite dialog");
    const email = uniqueEmail("invited");
    await dialog.getByLabel("Email").fill(email);
    await dialog.getByRole("button", { name: "Create invitation" }).click();
    await expect(dialog.getByTestId("invitation-url")).toBeVisible();
    await expectToast(page, `Invitation for ${email} created.`);
    await check("an invitation link shown once");
  });
});

test("account, with a refused password change", async ({ page }) => {
  await inBothSchemes(page, async (check) => {
    await openAsTeam(page, "a11y", "/account");
    await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
    await check("account");
    await page.getByLabel("Current password").fill("whatever it was");
    await page.getByLabel("New password", { exact: true }).fill("a new password of some length");
    await page.getByLabel("Confirm new password").fill("a different password altogether");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The new password and its confirmation differ." })).toBeVisible();
    await check("account with an error");
  });
});

test("invitation pages: an open link for a newcomer, and a link that does not work", async ({ page, browser, baseURL }) => {
  await openAsTeam(page, "a11y", "/members");
  const url = await invite(page, "a11y", uniqueEmail("newcomer"), "viewer");
  const theirs = await freshPage(browser, baseURL);
  await inBothSchemes(theirs, async (check) => {
    await theirs.goto(url);
    await expect(theirs.getByRole("heading", { name: "Join E2E a11y" })).toBeVisible();
    await check("an invitation for a newcomer");
    await theirs.goto("/invite/not-a-real-token");
    await expect(theirs.getByRole("heading", { name: "This invitation link is not valid" })).toBeVisible();
    await check("an invitation link that does not work");
  });
  await theirs.context().close();
});

test("no page scrolls sideways at 390 px", async ({ page, browser, baseURL }) => {
  await seedEntries("a11y", 2);
  await page.setViewportSize(PHONE);
  for (const [path, heading] of [
    ["/entries", "Do Not Contact list"],
    ["/import", "Import a CSV"],
    ["/removed", "Recently removed"],
    ["/audit", "Audit log"],
    ["/api-keys", "API keys"],
    ["/webhooks", "Webhooks"],
    ["/members", "Members"],
    ["/account", "Account"],
  ] as const) {
    await openAsTeam(page, "a11y", path);
    await expect(page.getByRole("heading", { level: 1, name: heading, exact: true })).toBeVisible();
    await expect(page.getByTestId("skeleton-row")).toHaveCount(0);
    await expectNoHorizontalScroll(page, PHONE.width);
  }

  // The states that add width: a toast, an open dialog with a long link.
  await openAsTeam(page, "a11y", "/members");
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await page.getByRole("dialog").getByLabel("Email").fill(uniqueEmail("narrow"));
  await page.getByRole("dialog").getByRole("button", { name: "Create invitation" }).click();
  const link = page.getByRole("dialog").getByTestId("invitation-url");
  await expect(link).toBeVisible();
  await expect(toasts(page).getByRole("listitem")).toHaveCount(1);
  await expectNoHorizontalScroll(page, PHONE.width);
  // The whole link stays inside the dialog, wrapped, not clipped.
  const [linkBox, dialogBox] = [await link.boundingBox(), await page.getByRole("dialog").boundingBox()];
  expect(linkBox!.x + linkBox!.width).toBeLessThanOrEqual(dialogBox!.x + dialogBox!.width);

  const theirs = await freshPage(browser, baseURL);
  await theirs.setViewportSize(PHONE);
  await theirs.goto((await link.textContent())!.trim());
  await expect(theirs.getByRole("heading", { name: "Join E2E a11y" })).toBeVisible();
  await expectNoHorizontalScroll(theirs, PHONE.width);
  await theirs.context().close();
});
