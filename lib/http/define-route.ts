import "server-only";
import type { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import type { ErrorCode } from "@/lib/errors";
import type { RateLimitBucket } from "@/lib/rate-limit";

type Issue = z.core.$ZodIssue;
type Method = "GET" | "POST" | "PATCH" | "DELETE";

/**
 * Everything about one API operation, declared once: the route wrapper (lib/http/api-route.ts)
 * serves it and the OpenAPI document (lib/openapi) describes it from the same object.
 */
export type RouteDefinition<
  Query extends z.ZodType = z.ZodType,
  Body extends z.ZodType = z.ZodType,
  Data = unknown,
  Authorized = unknown,
> = {
  method: Method;
  /** OpenAPI path under /api/v1, e.g. `/dnc/{id}`. */
  path: string;
  summary: string;
  /** Rate-limit budget the route spends from (per team, rolling window). */
  bucket: RateLimitBucket;
  /**
   * `read`: any caller of the team; `write`: not read-only keys or viewers (403 `forbidden`);
   * `manage`: signed-in owners and admins only, never an API key; `member`: any signed-in member,
   * never an API key.
   */
  access: "read" | "write" | "manage" | "member";
  /** The `{id}` path parameter: its format, the error for a malformed one, and an example. */
  id?: { schema: z.ZodType<string>; invalid: ErrorCode; example: string };
  /** A second path parameter under `{id}`, e.g. `{deliveryId}` in `/webhooks/{id}/deliveries/{deliveryId}/resend`. */
  childId?: { name: string; schema: z.ZodType<string>; invalid: ErrorCode; example: string };
  query?: { schema: Query; errorFor: (issue: Issue) => ErrorCode };
  /** A JSON body; `optional` accepts an empty one (the handler then gets undefined). */
  body?: { schema: Body; errorFor: (issue: Issue) => ErrorCode; optional?: boolean };
  /**
   * `message` is Kakiyo's top-level message beside `data`: fixed, or made from the data. `bare`
   * answers the data itself, outside the envelope, where Kakiyo does (GET /verify).
   */
  success: { status: number; data: z.ZodType<Data>; message?: string | ((data: Data) => string); bare?: true };
  /** The route's own error codes; the ones every route shares are added by `declaredErrors`. */
  errors: ErrorCode[];
  /**
   * The rules beyond `access` that can refuse this caller with 403 (only themselves, never an owner,
   * another team's entry), given the validated input. They run before the rate limit, so a refused
   * request spends none of the team's budget; the domain function calls the same rule. What it
   * returns is handed to `handle` as `authorized`, so what it read need not be read again.
   */
  authorize?: (input: { caller: Caller; id: string; childId: string; body: z.output<Body> | undefined }) => Promise<Authorized>;
  handle: (input: {
    request: Request;
    caller: Caller;
    requestId: string;
    id: string;
    childId: string;
    query: z.output<Query>;
    body: z.output<Body> | undefined;
    /** What `authorize` returned; undefined for a route without one. */
    authorized: Authorized | undefined;
  }) => Promise<Data>;
};

/** Keeps the definition's types (query, body and result are inferred from its schemas). */
export function defineRoute<Query extends z.ZodType, Body extends z.ZodType, Data, Authorized = unknown>(
  definition: RouteDefinition<Query, Body, Data, Authorized>,
) {
  return definition as unknown as RouteDefinition;
}

/** Every code a route can answer with: its own, and those of authentication, rate limits and bodies. */
export function declaredErrors(route: RouteDefinition): ErrorCode[] {
  const codes: ErrorCode[] = [
    "unauthorized",
    "forbidden",
    "rate_limit_exceeded",
    "service_unavailable",
    "internal_error",
    ...(route.method === "GET" ? [] : (["unsupported_media_type"] as const)),
    ...(route.body ? (["payload_too_large", "invalid_json", "invalid_body", "request_aborted"] as const) : []),
    ...(route.id ? [route.id.invalid] : []),
    ...(route.childId ? [route.childId.invalid] : []),
    ...route.errors,
  ];
  return [...new Set(codes)];
}
