import { z } from "zod";

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** An empty variable is an unset one (shells and .env files write `NAME=` to clear a value). */
const optional = <Schema extends z.ZodType>(schema: Schema) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must be file:<path> (SQLite) or postgresql://… (PostgreSQL)")
    .default("file:./data/dnc.db"),
  DATABASE_POOL_MAX: positiveInt(10),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "REDIS_URL must be redis://… or rediss://…")),
  /** How long a Redis command may take before it counts as Redis being unreachable (writes are then refused). */
  DNC_REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).max(10_000).default(500),
  DNC_RATE_WINDOW_MS: positiveInt(60_000),
  DNC_RATE_WRITE_LIMIT: positiveInt(30),
  DNC_RATE_BATCH_LIMIT: positiveInt(10),
  DNC_RATE_READ_LIMIT: positiveInt(60),
  DNC_CHECK_CACHE_TTL_MS: positiveInt(5 * 60_000),
  DNC_CHECK_CACHE_MAX: positiveInt(100_000),
  NEXTAUTH_URL: optional(z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL must be the dashboard's public http(s) URL" })),
  DNC_TRUSTED_PROXIES: optional(z.string()),
  OIDC_ISSUER: optional(z.url({ protocol: /^https?$/, error: "OIDC_ISSUER must be the provider's http(s) issuer URL" })),
  OIDC_CLIENT_ID: optional(z.string()),
  OIDC_CLIENT_SECRET: optional(z.string()),
  OIDC_NAME: z.string().default("single sign-on"),
  DNC_SSO_ONLY: z.enum(["0", "1", ""]).default("0"),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "SMTP_URL must be smtp://… or smtps://…")),
  SMTP_FROM: z.string().default("DNC Console <no-reply@dnc-console.invalid>"),
  DNC_RESTORE_DAYS: positiveInt(90),
  /** How often each process sweeps expired entries to Recently removed; under a minute so none outlives its expiry by more. */
  DNC_EXPIRY_SWEEP_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(30_000),
  DNC_SIGNIN_WINDOW_MS: positiveInt(15 * 60_000),
  DNC_SIGNIN_ACCOUNT_LIMIT: positiveInt(5),
  DNC_SIGNIN_ADDRESS_LIMIT: positiveInt(50),
  /** Delays before each retry of a failed webhook delivery; after the last, the delivery fails and its endpoint is disabled. */
  DNC_WEBHOOK_RETRY_SCHEDULE_MS: z
    .string()
    .regex(/^\d+(,\d+)*$/, "DNC_WEBHOOK_RETRY_SCHEDULE_MS must be comma-separated milliseconds, e.g. 5000,300000")
    .default([5_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 5 * 3_600_000, 10 * 3_600_000, 10 * 3_600_000].join(","))
    .transform((value) => value.split(",").map(Number)),
  /** 1 lets webhooks reach loopback and private addresses (tests, a private network you trust). */
  DNC_WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1", ""]).default("0"),
  /** Bearer token that reads GET /api/metrics; unset, the route answers 404 and no metric is recorded. */
  METRICS_TOKEN: optional(z.string().min(16, "METRICS_TOKEN must be at least 16 characters")),
  /** pino's level for the server's JSON log lines; `silent` writes none. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

/** Parsed once, on first use: a wrong value fails loudly instead of silently falling back. */
let parsed: Env | undefined;

export function env(): Env {
  if (!parsed) {
    const result = envSchema.safeParse(process.env);
    if (!result.success) {
      throw new Error(`Invalid environment:\n${z.prettifyError(result.error)}`);
    }
    parsed = result.data;
  }
  return parsed;
}
