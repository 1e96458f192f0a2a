import { z } from "zod";

/**
 * Bulk runs kept in localStorage while they last, so a reload, a crash or a closed laptop leaves
 * them resumable. localStorage rather than IndexedDB: a write is synchronous, so the state on disk
 * is the state after the last answer before the next request goes; an asynchronous write still
 * pending when the tab dies would be lost. The ids of 10,000 entries fit well within its quota.
 */
const KEY_PREFIX = "dnc-bulk-run:";

const savedRunSchema = z.object({
  id: z.string(),
  action: z.enum(["delete", "restore"]),
  team: z.string(),
  user: z.string(),
  reason: z.string(),
  total: z.number(),
  /** Not answered yet, in sending order; the first may have been out when the tab stopped. */
  pending: z.array(z.string()),
  counts: z.record(z.string(), z.number()),
  failed: z.number(),
  failedIds: z.array(z.string()),
  /** What a delete removed: the run's Undo restores them. */
  removed: z.array(z.string()),
});

export type SavedRun = z.infer<typeof savedRunSchema>;

/** Writes the run's state; false when the browser refuses (storage full or disabled). */
export function saveRun(run: SavedRun): boolean {
  try {
    localStorage.setItem(KEY_PREFIX + run.id, JSON.stringify(run));
    return true;
  } catch {
    return false;
  }
}

export function forgetRun(id: string) {
  try {
    localStorage.removeItem(KEY_PREFIX + id);
  } catch {
    // Storage disabled: nothing was kept.
  }
}

export function readRun(id: string): SavedRun | null {
  return parseRun(safeGet(KEY_PREFIX + id));
}

/** The user's runs for the team that were kept, whether another tab runs them or none does. */
export function savedRuns(team: string, user: string): SavedRun[] {
  const runs: SavedRun[] = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (!key?.startsWith(KEY_PREFIX)) continue;
      const run = parseRun(safeGet(key));
      if (run && run.team === team && run.user === user) runs.push(run);
    }
  } catch {
    // Storage disabled: nothing was kept.
  }
  return runs;
}

function safeGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** A run written by another version of the dashboard, or damaged, is skipped rather than trusted. */
function parseRun(text: string | null): SavedRun | null {
  if (text === null) return null;
  try {
    const parsed = savedRunSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
