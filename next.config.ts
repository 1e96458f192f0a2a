import type { NextConfig } from "next";
import { API_SECURITY_HEADERS, ASSET_SECURITY_HEADERS, COMMON_SECURITY_HEADERS } from "./lib/security/headers";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Loaded from node_modules at run time, never bundled: better-sqlite3 is a native addon; prom-client
  // then exists once per process; the OpenTelemetry SDK and Prisma's instrumentation are loaded only
  // when tracing is asked for.
  serverExternalPackages: [
    "better-sqlite3",
    "prom-client",
    "@opentelemetry/sdk-trace-node",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "@prisma/instrumentation",
  ],
  // Kakiyo's path shape (/v1/dnc/...) served by the same handlers as /api/v1/...
  async rewrites() {
    return [{ source: "/v1/:path*", destination: "/api/v1/:path*" }];
  },
  // Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts.
  async headers() {
    return [
      { source: "/:path*", headers: COMMON_SECURITY_HEADERS },
      { source: "/api/:path*", headers: API_SECURITY_HEADERS },
      { source: "/v1/:path*", headers: API_SECURITY_HEADERS },
      { source: "/_next/static/:path*", headers: ASSET_SECURITY_HEADERS },
    ];
  },
};

export default nextConfig;
