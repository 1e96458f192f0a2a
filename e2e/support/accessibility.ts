import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** WCAG 2.0 and 2.1, levels A and AA: what the dashboard promises. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/**
 * Runs axe-core on the page as it is now (open dialogs, menus and toasts included) and fails with
 * one line per violation: its id, what it asks for, and the selector and finding of each element.
 */
export async function expectNoAxeViolations(page: Page, state: string) {
  // Colours measured mid-animation (a hover fading, a menu fading out under a dialog that opens, a
  // toast sliding in) would be neither scheme's: wait for every finite transition and animation.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const report = violations.map((violation) => {
    const nodes = violation.nodes.map((node) => {
      const finding = [...node.any, ...node.all, ...node.none].map((check) => check.message).find(Boolean);
      return `    ${node.target.join(" ")}${finding ? ` — ${finding}` : ""}`;
    });
    return `${violation.id} (${violation.impact}): ${violation.help}\n${nodes.join("\n")}`;
  });
  expect(violations.length, `axe found ${violations.length} violation(s) on ${state}:\n${report.join("\n")}`).toBe(0);
}

/** The horizontal scrolling a phone would show: none, for the document and its body. */
export async function expectNoHorizontalScroll(page: Page, width: number) {
  const widths = await page.evaluate(() => ({
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
  expect(widths.document, `the document is ${widths.document} px wide at ${width} px`).toBeLessThanOrEqual(width);
  expect(widths.body, `the body is ${widths.body} px wide at ${width} px`).toBeLessThanOrEqual(width);
}
