import { z } from "zod";
import { createApiKeyBodySchema, createdApiKeySchema, listApiKeysResultSchema } from "@/lib/api-keys/schemas";
import { listAuditQuerySchema, listAuditResultSchema } from "@/lib/audit/schemas";
import { API_ERRORS, type ApiErrorCode } from "@/lib/errors";
import {
  addEntriesBodySchema,
  addEntriesResultSchema,
  addEntryBodySchema,
  checkQuerySchema,
  checkResultSchema,
  deleteEntryBodySchema,
  deleteResultSchema,
  dncEntrySchema,
  listEntriesQuerySchema,
  listEntriesResultSchema,
} from "@/lib/dnc/schemas";

/** The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with. */

type Operation = {
  summary: string;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Example of the `{id}` path parameter, when the path has one. */
  pathId?: string;
  /** API routes take an API key or the dashboard's session; key management takes only the session. */
  sessionOnly?: boolean;
  success: { status: number; data: z.ZodType; message?: string };
  errors: ApiErrorCode[];
  rateLimited?: boolean;
};

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const errorEnvelope = {
  type: "object",
  required: ["error", "message"],
  properties: {
    error: { type: "string", description: "Machine-readable error code" },
    message: { type: "string" },
    resetTime: { type: "integer", description: "On 429: epoch ms at which the next request will be allowed" },
  },
};

const rateLimitHeaders = Object.fromEntries(
  ["RateLimit-Policy", "RateLimit", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"].map((name) => [
    name,
    { schema: { type: "string" } },
  ]),
);

function operation(op: Operation) {
  const parameters = [
    ...(op.pathId ? [{ name: "id", in: "path", required: true, schema: { type: "string", example: op.pathId } }] : []),
    { name: "X-DNC-Team", in: "header", required: false, schema: { type: "string" }, description: "Session callers: the slug of the team to act for (default: their first)" },
    ...Object.entries(op.query?.shape ?? {}).map(([name, field]) => {
      const schema = jsonSchema(field as z.ZodType);
      return { name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema, description: schema.description };
    }),
  ];
  const success = {
    description: op.summary,
    headers: op.rateLimited === false ? undefined : rateLimitHeaders,
    content: {
      "application/json": {
        schema: {
          type: "object",
          required: ["error", "data"],
          properties: {
            error: { type: "null" },
            ...(op.success.message ? { message: { const: op.success.message } } : {}),
            data: jsonSchema(op.success.data),
          },
        },
      },
    },
  };
  const errorResponses = Object.fromEntries(
    groupByStatus(op.errors).map(([status, codes]) => [
      String(status),
      {
        description: codes.map((code) => `\`${code}\`: ${API_ERRORS[code][1]}`).join("; "),
        content: { "application/json": { schema: { ...errorEnvelope, properties: { ...errorEnvelope.properties, error: { enum: codes } } } } },
      },
    ]),
  );
  return {
    summary: op.summary,
    security: op.sessionOnly ? [{ session: [] }] : [{ bearer: [] }, { session: [] }],
    parameters,
    ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body) } } } } : {}),
    responses: { [String(op.success.status)]: success, ...errorResponses },
  };
}

function groupByStatus(codes: ApiErrorCode[]): [number, ApiErrorCode[]][] {
  const groups = new Map<number, ApiErrorCode[]>();
  for (const code of codes) groups.set(API_ERRORS[code][0], [...(groups.get(API_ERRORS[code][0]) ?? []), code]);
  return [...groups.entries()].sort(([a], [b]) => a - b);
}

const common: ApiErrorCode[] = ["unauthorized", "rate_limit_exceeded", "internal_error"];
const writes: ApiErrorCode[] = [...common, "forbidden", "payload_too_large", "unsupported_media_type", "invalid_json", "invalid_body", "service_unavailable"];

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "DNC Console API",
      version: "1.0.0",
      description:
        "Do Not Contact list API, wire-compatible with Kakiyo's DNC API. Every path is also served under /v1/… . " +
        "Rate limits per team over a rolling window: writes (POST /dnc, DELETE /dnc/{id}) 30, batch 10, reads 60 per 60 s.",
    },
    servers: [{ url: "/api/v1" }],
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "An API key (dncsk_…)" },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "next-auth.session-token",
          description:
            "The dashboard's session (sign in at /sign-in). Writes must also send a same-origin Origin header and a JSON body (else 403 / 415).",
        },
      },
      schemas: { DncEntry: jsonSchema(dncEntrySchema), Error: errorEnvelope },
    },
    paths: {
      "/dnc": {
        get: operation({
          summary: "List the team's entries, newest first",
          query: listEntriesQuerySchema,
          success: { status: 200, data: listEntriesResultSchema },
          errors: [...common, "invalid_pagination", "invalid_query"],
        }),
        post: operation({
          summary: "Add a LinkedIn profile URL",
          body: addEntryBodySchema,
          success: { status: 201, data: dncEntrySchema, message: "Added to Do Not Contact list" },
          errors: [...writes, "missing_url", "invalid_url", "invalid_note", "dnc_exists"],
        }),
      },
      "/dnc/check": {
        get: operation({
          summary: "Check whether a URL is on the team's list",
          query: checkQuerySchema,
          success: { status: 200, data: checkResultSchema },
          errors: [...common, "missing_url", "invalid_url"],
        }),
      },
      "/dnc/batch": {
        post: operation({
          summary: "Add up to 1000 URLs",
          body: addEntriesBodySchema,
          success: { status: 201, data: addEntriesResultSchema },
          errors: [...writes, "missing_entries", "empty_entries", "invalid_entries", "too_many_entries"],
        }),
      },
      "/dnc/{id}": {
        delete: operation({
          summary: "Delete a DNC entry",
          pathId: "dnc_12345abcde",
          query: z.object({ reason: deleteEntryBodySchema.shape.reason }),
          body: deleteEntryBodySchema,
          success: { status: 200, data: deleteResultSchema },
          errors: [...writes, "invalid_reason", "dnc_not_found", "unauthorized_dnc"],
        }),
      },
      "/api-keys": {
        get: operation({
          summary: "The team's API keys (owners and admins, session only)",
          success: { status: 200, data: listApiKeysResultSchema },
          errors: [...common, "forbidden"],
          sessionOnly: true,
        }),
        post: operation({
          summary: "Create an API key; the secret is in this response only (owners and admins, session only)",
          body: createApiKeyBodySchema,
          success: { status: 201, data: createdApiKeySchema },
          errors: [...writes, "invalid_api_key_fields"],
          sessionOnly: true,
        }),
      },
      "/api-keys/{id}": {
        delete: operation({
          summary: "Revoke an API key, effective on its next request (owners and admins, session only)",
          pathId: "key_AbC123",
          success: { status: 200, data: z.object({ message: z.literal("API key revoked") }) },
          errors: [...writes, "not_found"],
          sessionOnly: true,
        }),
      },
      "/audit": {
        get: operation({
          summary: "The team's audit trail, newest first",
          query: listAuditQuerySchema,
          success: { status: 200, data: listAuditResultSchema },
          errors: [...common, "invalid_pagination", "invalid_query"],
        }),
      },
    },
  };
}
