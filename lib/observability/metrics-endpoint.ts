import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-route";
import { requestIdOf } from "@/lib/http/request-id";
import { metrics } from "./metrics";
import { observed } from "./observe-request";
import { registerStateGauges } from "./state-gauges";

const ROUTE = "/api/metrics";

/**
 * GET /api/metrics: the Prometheus text format, for `Authorization: Bearer $METRICS_TOKEN`. Without
 * METRICS_TOKEN the route does not exist (404, as any unknown path); a missing or wrong token is 401.
 * Other methods answer 405. All in the API's envelope, with X-Request-Id and a log line.
 */
export async function serveMetrics(request: Request): Promise<Response> {
  const startedAt = performance.now();
  const requestId = requestIdOf(request);
  return observed(await answer(request, requestId), { requestId, route: ROUTE, method: request.method, startedAt });
}

async function answer(request: Request, requestId: string): Promise<Response> {
  const token = env().METRICS_TOKEN;
  const state = metrics();
  if (!token || !state) return errorResponse(new AppError("not_found", "No such API route"), requestId);
  if (request.method !== "GET") {
    const response = errorResponse(new AppError("method_not_allowed", "Method not allowed; use GET"), requestId);
    response.headers.set("Allow", "GET");
    return response;
  }
  if (!bearerMatches(request.headers.get("authorization"), token)) {
    const response = errorResponse(new AppError("unauthorized", "Invalid or missing metrics token"), requestId);
    response.headers.set("WWW-Authenticate", 'Bearer realm="metrics"');
    return response;
  }
  registerStateGauges(state.registry);
  return new Response(await state.registry.metrics(), {
    headers: { "Content-Type": state.registry.contentType, "Cache-Control": "no-store" },
  });
}

/** Compared as SHA-256 digests (equal lengths) in constant time: the answer's timing says nothing about the token. */
function bearerMatches(authorization: string | null, token: string): boolean {
  const offered = /^Bearer (\S+)$/i.exec(authorization ?? "")?.[1] ?? "";
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(offered), digest(token));
}
