import { newRequestId } from "@/lib/ids";
import { peerIsTrustedProxy } from "./client-address";

/** What a proxy's request id may look like: a UUID, nginx's hex, a base64 token; nothing that could break a log line or a header. */
const FORWARDED_REQUEST_ID = /^[\w.:=+/-]{1,128}$/;

/**
 * The request's id, returned as X-Request-Id and written on its log line and audit events: the one
 * a trusted proxy (DNC_TRUSTED_PROXIES) sent, so one id follows the request through both logs;
 * otherwise, or when the offered id is not of that shape, a fresh one. A client's own header is
 * never taken: it could make its requests look like someone else's.
 */
export function requestIdOf(request: Request): string {
  const offered = request.headers.get("x-request-id");
  if (offered !== null && FORWARDED_REQUEST_ID.test(offered) && peerIsTrustedProxy(request.headers)) return offered;
  return newRequestId();
}
