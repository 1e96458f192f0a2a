import type { z } from "zod";
import type { Permission } from "@/lib/auth/permissions";
import type { ErrorCode } from "@/lib/errors";
import type { RateLimitBucket } from "@/lib/rate-limit/types";

type Issue = z.core.$ZodIssue;

/**
 * What one API operation promises, declared once and safe to import anywhere (no server code): the
 * server serves it (lib/routes), the OpenAPI document describes it (lib/openapi) and the dashboard
 * calls it (components/api-client), so none of them spells a path or a type of its own.
 */
export type ApiContract = {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** OpenAPI path under /api/v1, e.g. `/dnc/{id}`. */
  path: string;
  summary: string;
  /** Rate-limit budget the route spends from (per team, rolling window). */
  bucket: RateLimitBucket;
  /** What the caller must be allowed (lib/auth/permissions.ts); anyone else gets 403 `forbidden`. */
  permission: Permission;
  /** The `{id}` path parameter: its format, the error for a malformed one, and an example. */
  id?: { schema: z.ZodType<string>; invalid: ErrorCode; example: string };
  /** A second path parameter under `{id}`, e.g. `{deliveryId}` in `/webhooks/{id}/deliveries/{deliveryId}/resend`. */
  childId?: { name: string; schema: z.ZodType<string>; invalid: ErrorCode; example: string };
  query?: { schema: z.ZodType; errorFor: (issue: Issue) => ErrorCode };
  /** A JSON body; `optional` accepts an empty one (the handler then gets undefined). */
  body?: { schema: z.ZodType; errorFor: (issue: Issue) => ErrorCode; optional?: boolean };
  /**
   * `message` is Kakiyo's top-level message beside `data`: fixed, or made from the data. `bare`
   * answers the data itself, outside the envelope, where Kakiyo does (GET /verify).
   */
  success: { status: number; data: z.ZodType; message?: string | ((data: never) => string); bare?: boolean };
  /** The route's own error codes; the ones every route shares are added by `declaredErrors`. */
  errors: readonly ErrorCode[];
};

/** Keeps the contract's literal types (path, schemas, flags), from which handlers and the client take theirs. */
export function defineContract<const Contract extends ApiContract>(contract: Contract): Contract {
  return contract;
}

/** What a handler returns and the client receives. */
export type ContractData<Contract extends ApiContract> = z.output<Contract["success"]["data"]>;

/** Every code a route can answer with: its own, and those of authentication, rate limits and bodies. */
export function declaredErrors(contract: ApiContract): ErrorCode[] {
  const codes: ErrorCode[] = [
    "unauthorized",
    "forbidden",
    "rate_limit_exceeded",
    "service_unavailable",
    "internal_error",
    ...(contract.method === "GET" ? [] : (["unsupported_media_type"] as const)),
    ...(contract.body ? (["payload_too_large", "invalid_json", "invalid_body", "request_aborted"] as const) : []),
    ...(contract.id ? [contract.id.invalid] : []),
    ...(contract.childId ? [contract.childId.invalid] : []),
    ...contract.errors,
  ];
  return [...new Set(codes)];
}

/** True when the issue says the field is absent (as opposed to present but wrong). */
export function isMissing(issue: Issue): boolean {
  return issue.code === "invalid_type" && issue.input === undefined;
}
