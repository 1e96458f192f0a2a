import "server-only";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { authenticateSession } from "@/lib/auth/authenticate-session";
import type { Caller } from "@/lib/auth/caller";
import { ApiError } from "@/lib/errors";
import { newRequestId } from "@/lib/ids";
import { rateLimitHeaders } from "@/lib/rate-limit/headers";
import { getRateLimiter, type RateLimitBucket } from "@/lib/rate-limit";

export type RouteContext<Params> = {
  request: Request;
  caller: Caller;
  params: Params;
  requestId: string;
};

type RouteOptions = {
  /** Rate-limit budget the route spends from (per team, rolling window). */
  bucket: RateLimitBucket;
  /**
   * `write` routes refuse read-only keys and viewers with 403 `forbidden`; `manage` routes (API-key
   * management) serve only signed-in owners and admins, never an API key.
   */
  access: "read" | "write" | "manage";
};

/** A successful response body in the Kakiyo envelope. */
export function ok(data: unknown, init: { status?: number; message?: string } = {}) {
  const body = init.message === undefined ? { error: null, data } : { error: null, message: init.message, data };
  return Response.json(body, { status: init.status ?? 200 });
}

/**
 * The one wrapper every API route goes through: request id → authenticate (API key, else the
 * dashboard's session) → access check → rate-limit → handler. Every thrown error becomes the
 * `{error, message}` envelope through the single code → status table in lib/errors; anything
 * unexpected is logged and answered with 500 `internal_error`. Rate-limit headers go on every
 * response once the caller's team is known.
 */
export function apiRoute<Params = Record<string, never>>(
  options: RouteOptions,
  handler: (context: RouteContext<Params>) => Promise<Response>,
) {
  return async (request: Request, segment: { params: Promise<Params> }): Promise<Response> => {
    const requestId = newRequestId();
    let limitHeaders: Record<string, string> = {};
    let response: Response;
    try {
      const caller = await authenticate(request);
      // A refused caller spends nothing: a read key or a viewer cannot use up the team's write budget.
      if (!isAllowed(caller, options.access)) throw new ApiError("forbidden");
      const decision = await getRateLimiter().consume(caller.teamId, options.bucket);
      limitHeaders = rateLimitHeaders(decision);
      if (!decision.allowed) {
        throw new ApiError("rate_limit_exceeded", undefined, { resetTime: decision.resetAt });
      }
      response = await handler({ request, caller, params: await segment.params, requestId });
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    response.headers.set("X-Request-Id", requestId);
    for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
    return response;
  };
}

/** A Bearer key always wins: machine clients behave exactly as before; only requests without one look for a session. */
async function authenticate(request: Request): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  if (authorization === null) {
    const caller = await authenticateSession(request);
    if (caller) return caller;
  }
  return authenticateApiKey(authorization);
}

function isAllowed(caller: Caller, access: RouteOptions["access"]): boolean {
  if (access === "read") return true;
  if (access === "write") return caller.canWrite;
  return caller.via === "session" && (caller.role === "owner" || caller.role === "admin");
}

export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof ApiError) {
    // A client that hangs up mid-upload is not a fault of ours: one line, no stack trace.
    if (error.code === "request_aborted") console.info(JSON.stringify({ level: "info", requestId, msg: "client closed the connection before its body was read" }));
    // The unread rest of an oversized body makes the connection unusable: tell the client to open a new one.
    const headers = error.code === "payload_too_large" ? { Connection: "close" } : undefined;
    return Response.json({ error: error.code, message: error.message, ...error.extra }, { status: error.status, headers });
  }
  console.error(JSON.stringify({ level: "error", requestId, error: error instanceof Error ? error.stack : String(error) }));
  const internal = new ApiError("internal_error");
  return Response.json({ error: internal.code, message: internal.message }, { status: internal.status });
}

/** What lib/http/request-guard.ts refused before routing: an undecodable path (400) or an unserved method (405). */
export function refusedRequest(request: Request): Response {
  const reason = new URL(request.url).searchParams.get("reason");
  const method = request.headers.get("x-dnc-refused-method") || request.method;
  const error =
    reason === "invalid_path"
      ? new ApiError("invalid_path")
      : new ApiError("method_not_allowed", `Method ${method.slice(0, 20)} is not supported`);
  return errorResponse(error, newRequestId());
}

/** For the methods a route does not serve: 405 in the envelope, with the Allow header, instead of an empty body. */
export function methodNotAllowed(...allowed: string[]) {
  return () =>
    Response.json(
      { error: "method_not_allowed", message: `Method not allowed; use ${allowed.join(" or ")}` },
      { status: 405, headers: { Allow: allowed.join(", ") } },
    );
}
