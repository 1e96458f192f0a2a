import type { Locator, Page } from "@playwright/test";
import { expect } from "./fixtures";

/** Sonner's live region, where every toast appears. */
export function toasts(page: Page): Locator {
  return page.getByRole("region", { name: /^Notifications/ });
}

/** A toast with this text; the pointer rests on it, which keeps it on screen (as for a person reading it) until the test moves on. */
export async function expectToast(page: Page, text: string | RegExp): Promise<Locator> {
  const toast = toasts(page).getByRole("listitem").filter({ hasText: text });
  await expect(toast).toBeVisible();
  await toast.hover();
  await expect(toast).toHaveCSS("opacity", "1");
  return toast;
}
