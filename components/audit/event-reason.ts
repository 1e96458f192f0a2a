import type { AuditEvent } from "@/lib/audit/schemas";
import { CATEGORY_LABELS, type EntryCategory } from "@/lib/dnc/categories";
import { formatDateTime } from "@/lib/format";

/** How a PATCH's changed fields are named to people; a field not named here shows as the API names it. */
const FIELD_LABELS: Record<string, string> = { expiresAt: "Expiry", note: "Note", category: "Category", clientId: "Client" };

/**
 * An event's reason as people read it: as given, except a `dnc.updated` event's, which is its
 * changes as JSON ({field: {from, to}}) and reads "Expiry: none → 1 Mar 2027, 00:00".
 */
export function describeReason(event: Pick<AuditEvent, "action" | "reason">): string | null {
  if (event.action !== "dnc.updated" || !event.reason) return event.reason;
  try {
    const changes = JSON.parse(event.reason) as Record<string, { from: string | null; to: string | null }>;
    return Object.entries(changes)
      .map(([field, change]) => `${FIELD_LABELS[field] ?? field}: ${showValue(field, change.from)} → ${showValue(field, change.to)}`)
      .join("; ");
  } catch {
    return event.reason;
  }
}

function showValue(field: string, value: string | null): string {
  // An entry moved off a deleted client: null is the team's global list, not an absent value.
  if (field === "clientId") return value ?? "global list";
  if (value === null) return "none";
  if (field === "expiresAt") return formatDateTime(value);
  if (field === "category") return CATEGORY_LABELS[value as EntryCategory] ?? value;
  return `“${value}”`;
}
