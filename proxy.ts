import { type NextRequest, NextResponse } from "next/server";
import { pageContentSecurityPolicy } from "@/lib/security/headers";

/**
 * Pages only (see the matcher): a fresh nonce per request in the Content-Security-Policy. Next.js
 * reads the policy from the request headers and puts the nonce on the scripts it renders.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pageContentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  // API routes and static assets get their fixed headers from next.config.ts; only pages need a nonce.
  matcher: [{ source: "/((?!api/|v1/|_next/static/|_next/image|favicon.ico).*)" }],
};
