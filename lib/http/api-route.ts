import "server-only";
import { authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { authenticateSession } from "@/lib/auth/authenticate-session";
import type { Caller } from "@/lib/auth/caller";
import { can } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { errorField, logger } from "@/lib/observability/logger";
import { recordRateLimitRefusal } from "@/lib/observability/metrics";
import { observed } from "@/lib/observability/observe-request";
import { rateLimitHeaders } from "@/lib/rate-limit/headers";
import { getRateLimiter } from "@/lib/rate-limit";
import { declaredErrors } from "@/lib/contracts/define-contract";
import type { RouteDefinition } from "./define-route";
import { ERROR_STATUS } from "./error-status";
import { parseInput, searchParamsOf } from "./parse-input";
import { readJsonBody } from "./read-json-body";
import { requestIdOf } from "./request-id";
import { SERVED_METHODS_HEADER } from "./request-guard";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Handler = ((request: Request, segment: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  /** The definition a method's handler serves, so a test can check each route file against the contracts. */
  route?: RouteDefinition;
};

/**
 * The handlers of one path: each definition serves its method; every other method gets 405 in the
 * envelope with the Allow header, from the same definitions. A route file is one line:
 * `export const { GET, POST, PUT, PATCH, DELETE } = serveRoutes(listEntriesRoute, addEntryRoute);`
 */
export function serveRoutes(...routes: RouteDefinition[]): Record<(typeof METHODS)[number], Handler> {
  const allowed = routes.map((route) => route.method);
  const template = apiPath(routes[0]!);
  return Object.fromEntries(
    METHODS.map((method) => {
      const route = routes.find((candidate) => candidate.method === method);
      return [method, route ? Object.assign(serveRoute(route), { route }) : methodNotAllowed(allowed, template)];
    }),
  ) as Record<(typeof METHODS)[number], Handler>;
}

/**
 * One request through one definition: request id → authenticate (API key, else the dashboard's
 * session) → access check → path id, query and body validated with the route's schemas → the
 * route's own 403 rules (`authorize`) → rate limit → a validation error, if any → handler →
 * `{error: null, data}`. Every thrown
 * AppError becomes the `{error, message}` envelope through the code → status table; a code the route
 * does not declare, or anything unexpected, is logged and answered with 500, so the OpenAPI document
 * never misses an answer.
 * Rate-limit headers go on every response once the budget has been consulted; every answer is
 * observed (lib/observability/observe-request.ts): X-Request-Id, metrics, one log line.
 */
function serveRoute(route: RouteDefinition): Handler {
  const declared = new Set(declaredErrors(route));
  const template = apiPath(route);
  return async (request, segment) => {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    let limitHeaders: Record<string, string> = {};
    let response: Response;
    let caller: Caller | undefined;
    try {
      caller = await authenticate(request);
      if (!can(caller, route.permission)) throw new AppError("forbidden");

      // Malformed input is answered after the budget, as before; the route's own 403 rules need the
      // validated input, and run before it.
      const input = await readInput(route, request, segment, caller).then(
        (valid) => ({ valid, invalid: undefined }),
        (invalid: unknown) => ({ valid: undefined, invalid }),
      );
      // A refused caller spends nothing: a read key, a viewer or an admin aiming at an owner cannot use
      // up the budget the team's campaign tool writes with.
      const authorized = input.valid ? await route.authorize?.({ caller, ...input.valid }) : undefined;
      const decision = await getRateLimiter().consume(caller.teamId, route.bucket);
      limitHeaders = rateLimitHeaders(decision);
      if (!decision.allowed) {
        recordRateLimitRefusal(route.bucket);
        throw new AppError("rate_limit_exceeded", undefined, { resetTime: decision.resetAt });
      }
      if (!input.valid) throw input.invalid;
      const { id, childId, query, body } = input.valid;

      const data = await route.handle({ request, caller, requestId, id, childId, query, body, authorized });
      const { message, bare, status } = route.success;
      response = bare
        ? Response.json(data, { status })
        : ok(data, { status, message: typeof message === "function" ? message(data) : message });
    } catch (error) {
      const undeclared = error instanceof AppError && !declared.has(error.code);
      response = errorResponse(
        undeclared ? new Error(`${route.method} ${route.path} answered undeclared code ${error.code}`) : error,
        requestId,
      );
    }
    for (const [name, value] of Object.entries(limitHeaders)) response.headers.set(name, value);
    return observed(response, { requestId, route: template, method: route.method, startedAt, caller });
  };
}

/** The definition's path as served, a template: `/api/v1/dnc/{id}`. */
const apiPath = (route: RouteDefinition) => `/api/v1${route.path}`;

/** The path ids, query and body, validated with the route's schemas. */
async function readInput(route: RouteDefinition, request: Request, segment: { params: Promise<Record<string, string>> }, caller: Caller) {
  const params = await segment.params; // routes without a dynamic segment get no params
  const id = params?.id ?? "";
  if (route.id && !route.id.schema.safeParse(id).success) throw new AppError(route.id.invalid);
  const childId = route.childId ? (params?.[route.childId.name] ?? "") : "";
  if (route.childId && !route.childId.schema.safeParse(childId).success) throw new AppError(route.childId.invalid);
  const query = route.query ? parseInput(route.query.schema, searchParamsOf(request), route.query.errorFor) : undefined;
  const json = route.body
    ? await readJsonBody(request, { optional: route.body.optional, anyContentType: caller.via === "api_key" })
    : undefined;
  const body = route.body && json !== undefined ? parseInput(route.body.schema, json, route.body.errorFor) : undefined;
  return { id, childId, query, body };
}

/** A successful response body in the Kakiyo envelope. */
export function ok(data: unknown, init: { status?: number; message?: string } = {}) {
  const body = init.message === undefined ? { error: null, data } : { error: null, message: init.message, data };
  return Response.json(body, { status: init.status ?? 200 });
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

export function errorResponse(error: unknown, requestId: string): Response {
  if (error instanceof AppError) {
    // A client that hangs up mid-upload is not a fault of ours: one line, no stack trace.
    if (error.code === "request_aborted") logger().info({ requestId }, "client closed the connection before its body was read");
    const headers = new Headers();
    // The unread rest of an oversized body makes the connection unusable: tell the client to open a new one.
    if (error.code === "payload_too_large") headers.set("Connection", "close");
    // A refusal that says in its body how long to wait says it in the standard header too.
    if (typeof error.extra.retryAfter === "number") headers.set("Retry-After", String(error.extra.retryAfter));
    return Response.json({ error: error.code, message: error.message, ...error.extra }, { status: ERROR_STATUS[error.code], headers });
  }
  logger().error({ requestId, error: errorField(error) }, "unexpected error");
  const internal = new AppError("internal_error");
  return Response.json({ error: internal.code, message: internal.message }, { status: ERROR_STATUS.internal_error });
}

/**
 * What lib/http/request-guard.ts took aside before routing: an undecodable path (400), an unserved
 * method (405), or the asterisk target `*`, which only OPTIONS may use (the server's methods, 204).
 */
export function refusedRequest(request: Request): Response {
  const startedAt = performance.now();
  const requestId = requestIdOf(request);
  const reason = new URL(request.url).searchParams.get("reason");
  const method = request.headers.get("x-dnc-refused-method") || request.method;
  const refused = { requestId, route: "(refused)", method, startedAt };
  if (reason === "asterisk" && method.toUpperCase() === "OPTIONS")
    return observed(new Response(null, { status: 204, headers: { Allow: SERVED_METHODS_HEADER } }), refused);
  const error =
    reason === "invalid_path"
      ? new AppError("invalid_path")
      : reason === "asterisk"
        ? new AppError("invalid_path", "The request target * is for OPTIONS only; send a path")
        : new AppError("method_not_allowed", `Method ${method.slice(0, 20)} is not supported`);
  return observed(errorResponse(error, requestId), refused);
}

function methodNotAllowed(allowed: string[], template: string): Handler {
  return async (request) => {
    const startedAt = performance.now();
    const response = Response.json(
      { error: "method_not_allowed", message: `Method not allowed; use ${allowed.join(" or ")}` },
      { status: ERROR_STATUS.method_not_allowed, headers: { Allow: allowed.join(", ") } },
    );
    return observed(response, { requestId: requestIdOf(request), route: template, method: request.method, startedAt });
  };
}
