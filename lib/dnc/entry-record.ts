import "server-only";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { latenessOf } from "@/lib/teams/team-settings";
import { DEFAULT_CATEGORY, type EntryCategory, isProtectedCategory } from "./categories";
import type { EntryRow } from "./serialize-entry";

/** Why an entry is listed and when its opt-out came in, as an add gives them (both optional). */
export type EntryRecordInput = { category?: EntryCategory; receivedAt?: Date };

type EntryRecord = Pick<EntryRow, "category" | "receivedAt" | "late">;

/** The category, date of receipt and lateness of each entry added at `addedAt`, in input order. */
export async function entryRecords(teamId: string, inputs: EntryRecordInput[], addedAt: Date): Promise<EntryRecord[]> {
  const late = await latenessOf(
    teamId,
    inputs.map((input) => input.receivedAt),
    addedAt,
  );
  return inputs.map((input, index) => ({
    category: input.category ?? DEFAULT_CATEGORY,
    receivedAt: input.receivedAt ?? null,
    late: late[index]!,
  }));
}

export async function entryRecord(teamId: string, input: EntryRecordInput, addedAt: Date): Promise<EntryRecord> {
  const [record] = await entryRecords(teamId, [input], addedAt);
  return record!;
}

/**
 * An expiry removes its entry when it comes, so on a complaint or a legal demand it is a removal
 * decided in advance: an owner's (entries.protected), like any other removal of one.
 */
export function mayExpireProtected(caller: Caller, category: string | undefined): boolean {
  return !isProtectedCategory(category) || can(caller, "entries.protected");
}
