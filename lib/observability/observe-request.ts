import type { Caller } from "@/lib/auth/caller";
import { logger } from "./logger";
import { recordRequest } from "./metrics";

export type ObservedRequest = {
  requestId: string;
  /** The route definition's path template (`/api/v1/dnc/{id}`), never the URL, which may carry a LinkedIn URL. */
  route: string;
  method: string;
  /** performance.now() when the request reached its route. */
  startedAt: number;
  caller?: Caller;
  /** A signed-in user outside any one team (the session actions). */
  userId?: string;
};

/** Who called, as the log names them: the API key's public prefix (`key:…`), the user's id, or the system's name. */
function callerName(caller: Caller | undefined, userId: string | undefined): string | null {
  if (!caller) return userId ?? null;
  if (caller.via === "session") return caller.userId ?? null;
  return caller.actor;
}

/**
 * Every API answer once it is decided: its X-Request-Id, its count and latency in the metrics, and
 * its one JSON log line (lib/observability/logger.ts), which carries ids only.
 */
export function observed(response: Response, request: ObservedRequest): Response {
  const durationMs = performance.now() - request.startedAt;
  response.headers.set("X-Request-Id", request.requestId);
  recordRequest(request.route, request.method, response.status, durationMs / 1000);
  logger().info(
    {
      requestId: request.requestId,
      route: request.route,
      // A refused request's method is whatever the client sent: a bounded slice of it.
      method: request.method.slice(0, 20),
      teamId: request.caller?.teamId ?? null,
      caller: callerName(request.caller, request.userId),
      status: response.status,
      durationMs: Math.round(durationMs * 10) / 10,
    },
    "request",
  );
  return response;
}
