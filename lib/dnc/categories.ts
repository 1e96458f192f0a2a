/**
 * Why an entry is on the list. Safe to import anywhere: the API validates with it, the permissions
 * module and the dashboard read which categories are protected from it.
 */

export const ENTRY_CATEGORIES = ["opt_out", "complaint", "legal", "customer", "competitor", "other"] as const;
export type EntryCategory = (typeof ENTRY_CATEGORIES)[number];

export const DEFAULT_CATEGORY: EntryCategory = "opt_out";

export const CATEGORY_LABELS: Record<EntryCategory, string> = {
  opt_out: "Opt-out",
  complaint: "Complaint",
  legal: "Legal",
  customer: "Customer",
  competitor: "Competitor",
  other: "Other",
};

/**
 * A complaint or a legal demand is not lifted lightly (as Klaviyo keeps non-user suppressions and
 * Cloudflare's complaint entries need new consent): only an owner removes one (saying why), takes
 * an alias off one, gives one an expiry, or makes it another category.
 */
export const PROTECTED_CATEGORIES: readonly EntryCategory[] = ["complaint", "legal"];

/** Whether a category is protected; an entry without one (the wire omits opt_out) is not. */
export function isProtectedCategory(category: string | undefined): boolean {
  return category !== undefined && (PROTECTED_CATEGORIES as readonly string[]).includes(category);
}
