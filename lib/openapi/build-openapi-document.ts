import "server-only";
import { z } from "zod";
import { isSessionOnly } from "@/lib/auth/permissions";
import { API_CONTRACTS } from "@/lib/contracts";
import { type ApiContract, declaredErrors } from "@/lib/contracts/define-contract";
import { env } from "@/lib/env";
import { ERROR_MESSAGES, type ErrorCode } from "@/lib/errors";
import { ERROR_STATUS } from "@/lib/http/error-status";
import type { RateLimitBucket } from "@/lib/rate-limit";

/**
 * The OpenAPI 3.1 document, built from the contracts the handlers serve and the dashboard calls
 * (lib/contracts): the same schemas, the same error codes, and the rate limits of this configuration.
 */

const jsonSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { io: "input", unrepresentable: "any" });

const errorEnvelope = {
  type: "object",
  required: ["error", "message"],
  properties: {
    error: { type: "string", description: "Machine-readable error code" },
    message: { type: "string" },
    resetTime: { type: "integer", description: "On 429: epoch ms at which the next request will be allowed" },
    heldBy: {
      type: "object",
      description: "Extension, on 409 dnc_exists: the entry that holds the identifier (as its URL or an alias), by its id and URL",
      required: ["$id", "url"],
      properties: { $id: { type: "string" }, url: { type: "string" } },
    },
  },
};

const rateLimitHeaders = Object.fromEntries(
  ["RateLimit-Policy", "RateLimit", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"].map((name) => [
    name,
    { schema: { type: "string" } },
  ]),
);

function rateLimits(): Record<RateLimitBucket, number> {
  const config = env();
  return { write: config.DNC_RATE_WRITE_LIMIT, batch: config.DNC_RATE_BATCH_LIMIT, read: config.DNC_RATE_READ_LIMIT };
}

/** `name` is the contract's, so generated clients name their methods after it. */
function operation(name: string, route: ApiContract) {
  const windowSeconds = Math.ceil(env().DNC_RATE_WINDOW_MS / 1000);
  const limit = rateLimits()[route.bucket];
  const parameters = [
    ...(route.id ? [{ name: "id", in: "path", required: true, schema: { type: "string", example: route.id.example } }] : []),
    ...(route.childId
      ? [{ name: route.childId.name, in: "path", required: true, schema: { type: "string", example: route.childId.example } }]
      : []),
    {
      name: "X-DNC-Team",
      in: "header",
      required: false,
      schema: { type: "string" },
      description: "Session callers: the slug of the team to act for (default: their first)",
    },
    ...Object.entries((route.query?.schema as z.ZodObject | undefined)?.shape ?? {}).map(([name, field]) => {
      const schema = jsonSchema(field as z.ZodType);
      return { name, in: "query", required: !(field as z.ZodType).safeParse(undefined).success, schema, description: schema.description };
    }),
  ];
  const success = {
    description: route.summary,
    headers: rateLimitHeaders,
    content: {
      "application/json": { schema: route.success.bare ? jsonSchema(route.success.data) : envelopeSchema(route) },
    },
  };
  const errorResponses = Object.fromEntries(
    groupByStatus(declaredErrors(route)).map(([status, codes]) => [
      String(status),
      {
        description: codes.map((code) => `\`${code}\`: ${ERROR_MESSAGES[code]}`).join("; "),
        content: {
          "application/json": { schema: { ...errorEnvelope, properties: { ...errorEnvelope.properties, error: { enum: codes } } } },
        },
      },
    ]),
  );
  return {
    operationId: name,
    summary: route.summary,
    description: `Rate limit: ${limit} requests per ${windowSeconds} s per team, from the \`${route.bucket}\` budget.`,
    "x-rate-limit": { bucket: route.bucket, limit, windowSeconds },
    security: isSessionOnly(route.permission) ? [{ session: [] }] : [{ bearer: [] }, { session: [] }],
    parameters,
    ...(route.body
      ? { requestBody: { required: !route.body.optional, content: { "application/json": { schema: jsonSchema(route.body.schema) } } } }
      : {}),
    responses: { [String(route.success.status)]: success, ...errorResponses },
  };
}

function groupByStatus(codes: ErrorCode[]): [number, ErrorCode[]][] {
  const groups = new Map<number, ErrorCode[]>();
  for (const code of codes) groups.set(ERROR_STATUS[code], [...(groups.get(ERROR_STATUS[code]) ?? []), code]);
  return [...groups.entries()].sort(([a], [b]) => a - b);
}

export function buildOpenApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "DNC Console API",
      version: "1.0.0",
      // The repository grants no licence (no LICENSE file, a private package): say so, in SPDX's terms for it.
      license: { name: "Proprietary", identifier: "LicenseRef-Proprietary" },
      description:
        "Do Not Contact list API, wire-compatible with Kakiyo's DNC API. Every path is also served under /v1/… . " +
        `Rate limits per team over a rolling ${Math.ceil(env().DNC_RATE_WINDOW_MS / 1000)}-second window: ` +
        `writes (POST /dnc, DELETE /dnc/{id}) ${rateLimits().write}, batch ${rateLimits().batch}, reads ${rateLimits().read}.`,
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
    },
    paths: buildPaths(),
  };
}

function buildPaths() {
  const paths: Record<string, Record<string, ReturnType<typeof operation>>> = {};
  for (const [name, contract] of Object.entries(API_CONTRACTS)) {
    (paths[contract.path] ??= {})[contract.method.toLowerCase()] = operation(name, contract);
  }
  return paths;
}

/** Kakiyo's success envelope around the route's data, with its top-level message if it has one. */
function envelopeSchema(route: ApiContract) {
  const { message } = route.success;
  return {
    type: "object",
    required: ["error", ...(message ? ["message"] : []), "data"],
    properties: {
      error: { type: "null" },
      ...(typeof message === "string" ? { message: { const: message } } : {}),
      ...(typeof message === "function" ? { message: { type: "string" } } : {}),
      data: jsonSchema(route.success.data),
    },
  };
}
