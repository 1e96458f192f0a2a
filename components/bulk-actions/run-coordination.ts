import type { EntryAction } from "./entry-actions";
import type { QueueSnapshot } from "./request-queue";

/**
 * How the tabs of one browser share a team's write budget. A turn lock per team (Web Locks) lets
 * one run spend it at a time; the others wait for it in line instead of racing for the same slots.
 * Each run also holds a lock of its own while a tab has it (running, paused or in line), so a saved
 * run nobody holds is one that was interrupted. The running tab tells the others its progress over
 * a BroadcastChannel. Without Web Locks (a page served over plain http is not a secure context) runs
 * start at once, as before, and every saved run counts as interrupted.
 */

export type RunMessage =
  | { type: "progress"; runId: string; action: EntryAction; snapshot: QueueSnapshot<string> }
  | { type: "ended"; runId: string }
  /** A tab that opens asks the running one where it stands. */
  | { type: "hello" };

const runLockName = (runId: string) => `dnc-bulk-run:${runId}`;
const turnLockName = (team: string) => `dnc-bulk-turn:${team}`;

const locks = (): LockManager | null => (typeof navigator !== "undefined" && navigator.locks) || null;

/** Holds `name` until the returned function is called; resolves once held (or null, with `ifAvailable`, when another tab holds it). */
function hold(name: string, options: LockOptions): Promise<(() => void) | null> {
  const manager = locks();
  if (!manager) return Promise.resolve(() => undefined);
  return new Promise((resolve, reject) => {
    manager
      .request(name, options, (lock) => {
        if (!lock) {
          resolve(null);
          return undefined;
        }
        return new Promise<void>((release) => resolve(release));
      })
      .catch(reject);
  });
}

/** Marks the run as held by this tab, waiting if a tab is letting go of it. */
export async function holdRun(runId: string): Promise<() => void> {
  return (await hold(runLockName(runId), {}))!;
}

/** Marks the run as held by this tab, unless another tab holds it already (null). */
export function claimRun(runId: string): Promise<(() => void) | null> {
  return hold(runLockName(runId), { ifAvailable: true });
}

/** This tab's turn at the team's write budget if no tab has it or waits for it (the turn lasts until the returned function is called), else null. */
export function takeTurnNow(team: string): Promise<(() => void) | null> {
  return hold(turnLockName(team), { ifAvailable: true });
}

/** Resolves when this tab may spend the team's write budget; the turn lasts until the returned function is called. Rejects when `signal` aborts first. */
export async function waitForTurn(team: string, signal: AbortSignal): Promise<() => void> {
  return (await hold(turnLockName(team), { signal }))!;
}

/** The runs an open tab holds. */
export async function runsHeldByTabs(): Promise<Set<string>> {
  const manager = locks();
  if (!manager) return new Set();
  const { held = [] } = await manager.query();
  return new Set(held.flatMap(({ name }) => (name?.startsWith(runLockName("")) ? [name.slice(runLockName("").length)] : [])));
}

/** Resolves once the tab running `runId` lets go of it: finished, cancelled, closed or crashed. Never, without Web Locks. */
export function whenRunReleased(runId: string): Promise<void> {
  const manager = locks();
  if (!manager) return new Promise(() => undefined);
  return manager.request(runLockName(runId), () => undefined);
}

export function openRunChannel(team: string, onMessage: (message: RunMessage) => void) {
  if (typeof BroadcastChannel === "undefined") return { post: () => undefined, close: () => undefined };
  const channel = new BroadcastChannel(`dnc-bulk:${team}`);
  channel.onmessage = (event: MessageEvent<RunMessage>) => onMessage(event.data);
  return { post: (message: RunMessage) => channel.postMessage(message), close: () => channel.close() };
}
