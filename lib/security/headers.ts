/**
 * The security headers of every response, in one place: next.config.ts sets the static ones, and
 * proxy.ts sets the pages' Content-Security-Policy with a fresh nonce per request.
 */

/** On every response: no MIME sniffing, no framing, no referrer leaking the dashboard's URLs, no powerful features. */
export const COMMON_SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
];

/** API answers are data for one caller: never rendered, framed or stored by a cache. */
export const API_SECURITY_HEADERS = [
  { key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" },
  { key: "Cache-Control", value: "no-store" },
];

/** Static assets (scripts, styles, fonts): loaded by the pages, never framed. */
export const ASSET_SECURITY_HEADERS = [{ key: "Content-Security-Policy", value: "frame-ancestors 'none'" }];

/**
 * A page's policy: scripts only with this response's nonce (Next.js puts it on its own scripts) and
 * what they load ('strict-dynamic'); styles from the app and React's style attributes; nothing
 * from other origins; no framing.
 */
export function pageContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
