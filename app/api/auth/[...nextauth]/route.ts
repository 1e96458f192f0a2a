import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/auth-options";
import { hasInvalidCallbackUrl, hasInvalidErrorCode } from "@/lib/auth/callback-url";
import { withDeviceCookie } from "@/lib/auth/device-cookie";
import { parseCookieHeader } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-route";
import { requestIdOf } from "@/lib/http/request-id";
import { observed } from "@/lib/observability/observe-request";

// /api/auth/* - next-auth's sign-in, sign-out, session and CSRF endpoints
async function handler(request: Request, context: { params: Promise<{ nextauth: string[] }> }) {
  const startedAt = performance.now();
  const requestId = requestIdOf(request);
  return observed(await answer(request, context, requestId), {
    requestId,
    route: "/api/auth/{nextauth}",
    method: request.method,
    startedAt,
  });
}

async function answer(request: Request, context: { params: Promise<{ nextauth: string[] }> }, requestId: string) {
  if (hasInvalidCallbackUrl(request, parseCookieHeader(request.headers.get("cookie")))) {
    return errorResponse(new AppError("invalid_callback_url"), requestId);
  }
  if (hasInvalidErrorCode(request, (await context.params).nextauth)) {
    return errorResponse(new AppError("invalid_query", "error must be an error code: letters, digits, _ . : and -"), requestId);
  }
  return withDeviceCookie(() => NextAuth(request as never, context as never, authOptions()));
}

export { handler as GET, handler as POST };
