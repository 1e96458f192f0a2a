import type { z } from "zod";
import { retryDelayMs } from "@/components/bulk-actions/request-queue";
import { TEAM_HEADER } from "@/lib/auth/team-selection";
import type { ApiContract, ContractData } from "@/lib/contracts/define-contract";
import type { SessionActionContract } from "@/lib/contracts/session-actions";

/** The entry a 409 `dnc_exists` names as holding the identifier sent (its URL or one of its aliases). */
export type IdentifierHolder = { $id: string; url: string };

/** A non-2xx answer from the API, with the envelope's code and message (and, on a 409 `dnc_exists`, who holds the identifier). */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly resetTime?: number,
    readonly heldBy?: IdentifierHolder,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** `{id}` and `{deliveryId}` in `/webhooks/{id}/deliveries/{deliveryId}/resend` become `{ id: string; deliveryId: string }`. */
type PathParams<Path extends string> = Path extends `${string}{${infer Name}}${infer Rest}`
  ? Record<Name, string> & PathParams<Rest>
  : unknown;

type Input<Part> = Part extends { schema: infer Schema extends z.ZodType } ? z.input<Schema> : never;

/** What a call of this contract takes: its path parameters, query and body exactly as its schemas accept them. */
export type ApiCall<Contract extends ApiContract> = {
  team: string;
  signal?: AbortSignal;
} & (Contract["path"] extends `${string}{${string}` ? { params: PathParams<Contract["path"]> } : { params?: never }) &
  (Contract extends { query: object }
    ? Partial<Input<Contract["query"]>> extends Input<Contract["query"]>
      ? { query?: Input<Contract["query"]> }
      : { query: Input<Contract["query"]> }
    : { query?: never }) &
  (Contract extends { body: { optional: true } }
    ? { body?: Input<Contract["body"]> }
    : Contract extends { body: object }
      ? { body: Input<Contract["body"]> }
      : { body?: never });

type UntypedCall = { team: string | null; signal?: AbortSignal; params?: Record<string, string>; query?: object; body?: unknown };

/** The contract's path under /api/v1 with its parameters filled in, and the query (a list repeats the parameter). */
function urlOf(contract: ApiContract, call: UntypedCall): string {
  const path = contract.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(call.params?.[name] ?? ""));
  const search = toSearchParams(call.query ?? {});
  return `/api/v1${path}${search.size > 0 ? `?${search}` : ""}`;
}

/** A query object as the URL carries it: undefined is left out, a list repeats the parameter. */
export function toSearchParams(query: object): URLSearchParams {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of [value].flat()) if (item !== undefined) search.append(name, String(item));
  }
  return search;
}

/**
 * The dashboard's one way to call the API, as the contract says: the session cookie goes along by
 * itself; the team is named on every request, and writes always carry a JSON body (the server
 * refuses any other kind from a session, which is what keeps cross-site forms out).
 * The raw answer, for callers that read statuses themselves (the bulk queue).
 */
export function sendApiRequest<Contract extends ApiContract>(contract: Contract, call: ApiCall<Contract>): Promise<Response> {
  const request = call as UntypedCall;
  return send(urlOf(contract, request), contract.method, request);
}

function send(url: string, method: string, request: UntypedCall): Promise<Response> {
  const writes = method !== "GET";
  return fetch(url, {
    method,
    headers: {
      ...(request.team === null ? {} : { [TEAM_HEADER]: request.team }),
      ...(writes ? { "content-type": "application/json" } : {}),
    },
    body: writes ? JSON.stringify(request.body ?? {}) : undefined,
    signal: request.signal,
    cache: "no-store",
  });
}

/** The answer's data (the envelope's, or the body itself where the contract answers bare), or an ApiRequestError. */
async function readAnswer(response: Response, bare: boolean | undefined): Promise<unknown> {
  const body = (await response.json().catch(() => null)) as {
    data?: unknown;
    error?: string;
    message?: string;
    resetTime?: number;
    heldBy?: IdentifierHolder;
  } | null;
  if (!response.ok || !body) {
    throw new ApiRequestError(
      response.status,
      body?.error ?? "network_error",
      body?.message ?? `Request failed (${response.status})`,
      body?.resetTime,
      body?.heldBy,
    );
  }
  return bare ? body : body.data;
}

export async function callApi<Contract extends ApiContract>(contract: Contract, call: ApiCall<Contract>): Promise<ContractData<Contract>> {
  return (await readAnswer(await sendApiRequest(contract, call), contract.success.bare)) as ContractData<Contract>;
}

/**
 * For long jobs (export, import, restoring many): a 429 waits as long as the server says and sends
 * the same request again, so a job of many requests runs at the rate limit instead of failing part-way.
 */
export async function callApiPaced<Contract extends ApiContract>(
  contract: Contract,
  call: ApiCall<Contract> & { onWait?: (ms: number) => void },
): Promise<ContractData<Contract>> {
  for (;;) {
    const response = await sendApiRequest(contract, call);
    if (response.status !== 429) return (await readAnswer(response, contract.success.bare)) as ContractData<Contract>;
    const body = (await response.json().catch(() => ({}))) as { resetTime?: number };
    const ms = retryDelayMs({ status: 429, headers: response.headers, resetTime: body.resetTime }, Date.now());
    call.onWait?.(ms);
    await sleep(ms, call.signal);
  }
}

/** A browser action outside any team (one's account, accepting an invitation), as its contract says. */
export async function callSessionAction<Action extends SessionActionContract>(
  action: Action,
  body: z.input<Action["body"]>,
): Promise<z.output<Action["success"]>> {
  return (await readAnswer(await send(action.path, "POST", { team: null, body }), false)) as z.output<Action["success"]>;
}

/** Resolves after `ms`, or at once when the signal aborts (the bulk-delete queue's pause and cancel). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong";
}
