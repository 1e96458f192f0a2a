import type { RateLimitDecision } from "./types";

/** Whole seconds until a slot frees, rounded up so a client that waits this long is allowed. */
export function secondsUntilReset(decision: RateLimitDecision): number {
  return Math.max(0, Math.ceil((decision.resetAt - decision.now) / 1000));
}

/**
 * Both forms clients read: the IETF draft (`RateLimit-Policy` + `RateLimit`) and the older
 * `RateLimit-Limit/-Remaining/-Reset` trio; `Retry-After` only on a refusal.
 */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  const reset = secondsUntilReset(decision);
  const windowSeconds = Math.ceil(decision.windowMs / 1000);
  const headers: Record<string, string> = {
    "RateLimit-Policy": `"${decision.bucket}";q=${decision.limit};w=${windowSeconds}`,
    RateLimit: `"${decision.bucket}";r=${decision.remaining};t=${reset}`,
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(reset),
  };
  if (!decision.allowed) headers["Retry-After"] = String(Math.max(1, reset));
  return headers;
}
