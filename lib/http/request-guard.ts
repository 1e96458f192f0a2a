import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";

/**
 * Requests that Next.js cannot route answer 500 from inside the framework, before any route code
 * runs: a path whose percent-encoding does not decode (`/api/v1/dnc/%ff`, an overlong `%C0%80`),
 * the asterisk-form target `*` (`OPTIONS * HTTP/1.1`, which asks about the server as a whole), or a
 * method the Fetch API forbids (TRACE, TRACK, CONNECT) or Next does not serve (PROPFIND…). At
 * start-up we look at each request as Node receives it and send those to one route that answers
 * them: `OPTIONS *` with the methods the server serves, the others with a 4xx in the API's envelope.
 */
export const REFUSED_REQUEST_PATH = "/api/refused-request";

const SERVED_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

export const SERVED_METHODS_HEADER = [...SERVED_METHODS].join(", ");

export type RefusalReason = "invalid_path" | "method_not_allowed" | "asterisk";

export function refusalReason(method: string, url: string): RefusalReason | null {
  if (!SERVED_METHODS.has(method.toUpperCase())) return "method_not_allowed";
  if (url === "*") return "asterisk";
  const path = url.split("?")[0] ?? "";
  try {
    decodeURIComponent(path);
    return null;
  } catch {
    return "invalid_path";
  }
}

const globalForGuard = globalThis as unknown as { dncRequestGuard?: true };

export function installRequestGuard() {
  if (globalForGuard.dncRequestGuard) return;
  globalForGuard.dncRequestGuard = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    const reason = refusalReason(request.method ?? "", request.url ?? "/");
    if (reason === null) return;
    // The refusal route serves GET; the original method is kept for the message.
    request.headers["x-dnc-refused-method"] = request.method ?? "";
    if (reason === "method_not_allowed") request.method = "GET";
    request.url = `${REFUSED_REQUEST_PATH}?reason=${reason}`;
  });
}
