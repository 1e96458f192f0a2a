import { retryDelayMs } from "@/lib/bulk-actions/request-queue";
import { TEAM_HEADER } from "@/lib/auth/team-selection";

/** A non-2xx answer from the API, with the envelope's code and message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly resetTime?: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/** `team` is null only for the routes that are not about a team (invitations, the account). */
export type ApiRequest = { method?: string; body?: unknown; team: string | null; signal?: AbortSignal };

/**
 * The dashboard's one way to call the API: the session cookie goes along by itself; the team is
 * named on every /api/v1 request, and writes always carry a JSON body (the server refuses any other kind
 * from a session, which is what keeps cross-site forms out).
 */
export async function apiRaw(path: string, request: ApiRequest): Promise<Response> {
  const method = request.method ?? "GET";
  const writes = method !== "GET" && method !== "HEAD";
  return fetch(path, {
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

export async function readEnvelope<T>(response: Response): Promise<T> {
  const body = (await response.json().catch(() => null)) as { data?: T; error?: string; message?: string; resetTime?: number } | null;
  if (!response.ok || !body) {
    throw new ApiRequestError(
      response.status,
      body?.error ?? "network_error",
      body?.message ?? `Request failed (${response.status})`,
      body?.resetTime,
    );
  }
  return body.data as T;
}

export async function apiFetch<T>(path: string, request: ApiRequest): Promise<T> {
  return readEnvelope<T>(await apiRaw(path, request));
}

/**
 * For long jobs (export, import): a 429 waits as long as the server says and sends the same
 * request again, so a job of many requests runs at the rate limit instead of failing part-way.
 */
export async function apiFetchPaced<T>(path: string, request: ApiRequest & { onWait?: (ms: number) => void }): Promise<T> {
  for (;;) {
    const response = await apiRaw(path, request);
    if (response.status !== 429) return readEnvelope<T>(response);
    const body = (await response.json().catch(() => ({}))) as { resetTime?: number };
    const ms = retryDelayMs({ status: 429, headers: response.headers, resetTime: body.resetTime }, Date.now());
    request.onWait?.(ms);
    await sleep(ms, request.signal);
  }
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
