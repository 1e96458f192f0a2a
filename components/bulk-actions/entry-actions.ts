import { sendApiRequest } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import type { OutcomeStatuses, QueueResponse } from "./request-queue";

/**
 * The two requests the dashboard sends one entry at a time: removal and restore. Both spend the
 * team's write budget, so both go through the same paced queue; each reads its answers its own way.
 */
export const ENTRY_ACTIONS = {
  delete: {
    contract: dncContracts.deleteEntry,
    outcomes: { deleted: [200], already_gone: [404], not_permitted: [403] },
  },
  restore: {
    contract: dncContracts.restoreEntry,
    // 409: the URL is on the list again (restored by someone else, or added since): nothing to do.
    outcomes: { restored: [201], already_listed: [409], not_restorable: [404], not_permitted: [403] },
  },
} as const satisfies Record<
  string,
  { contract: typeof dncContracts.deleteEntry | typeof dncContracts.restoreEntry; outcomes: OutcomeStatuses<string> }
>;

export type EntryAction = keyof typeof ENTRY_ACTIONS;
export type EntryOutcome<Action extends EntryAction> = keyof (typeof ENTRY_ACTIONS)[Action]["outcomes"] & string;

/** A server that accepts the connection but never answers counts as unreachable after this long. */
const REQUEST_TIMEOUT_MS = 20_000;

/** One request as the queue needs it: status, headers, and the 429 body's resetTime. The reason goes to the audit trail. */
export function sendEntryRequest(action: EntryAction, team: string, reason: string) {
  const { contract } = ENTRY_ACTIONS[action];
  return async (id: string): Promise<QueueResponse> => {
    const response = await sendApiRequest(contract, {
      params: { id },
      body: reason ? { reason } : {},
      team,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = response.status === 429 ? ((await response.json().catch(() => ({}))) as { resetTime?: number }) : undefined;
    return { status: response.status, headers: response.headers, resetTime: body?.resetTime };
  };
}

/** A probe that cannot hang longer than the wait between two probes. */
const PROBE_TIMEOUT_MS = 1000;

/**
 * Whether the server would take a write again: its health check answers "ok" ("degraded" means
 * Redis is down, and writes are refused with 503 until it is back). Spends no rate-limit budget.
 */
export async function probeServer(signal: AbortSignal): Promise<boolean> {
  try {
    const response = await fetch("/api/health", {
      cache: "no-store",
      signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
    });
    const health = (await response.json()) as { status?: string };
    return response.ok && health.status === "ok";
  } catch {
    return false;
  }
}
