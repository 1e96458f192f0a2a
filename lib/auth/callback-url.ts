import "server-only";

/** What next-auth accepts as a callback URL: a path, or an absolute http(s) URL. */
function isHttpUrlOrPath(url: string): boolean {
  try {
    return /^https?:$/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

/**
 * A callbackUrl (query or cookie) that next-auth would refuse with a 500 "server configuration"
 * page; the auth route answers 400 instead.
 */
export function hasInvalidCallbackUrl(request: Request, cookie: (name: string) => string | undefined): boolean {
  const values = [
    new URL(request.url).searchParams.get("callbackUrl"),
    cookie("next-auth.callback-url"),
    cookie("__Secure-next-auth.callback-url"),
  ];
  return values.some((value) => value !== null && value !== undefined && value !== "" && !isHttpUrlOrPath(value));
}

/** next-auth's error codes, and ours (`too_many_attempts:30`); empty is allowed, next-auth then says "Default". */
const ERROR_CODE = /^[A-Za-z0-9_.:-]{0,100}$/;

/**
 * An `error` for /api/auth/error (the query's, else the path segment after `error`) that next-auth
 * would copy unencoded into a Location header, which throws (a 500) for anything beyond Latin-1 or
 * with a line break; the auth route answers 400 instead.
 */
export function hasInvalidErrorCode(request: Request, segments: string[] | undefined): boolean {
  if (segments?.[0] !== "error") return false;
  const fromQuery = new URL(request.url).searchParams.getAll("error");
  const values = fromQuery.length > 0 ? fromQuery : segments.slice(1, 2);
  return values.some((value) => !ERROR_CODE.test(value));
}

/**
 * Where next-auth may send the browser after sign-in or sign-out: a path or a URL of this origin,
 * else home. next-auth's default throws on a URL it cannot parse (a 500 from `callbackUrl=%ff`).
 */
export function safeRedirect(url: string, baseUrl: string): string {
  try {
    const target = new URL(url, baseUrl);
    return target.origin === new URL(baseUrl).origin ? target.href : baseUrl;
  } catch {
    return baseUrl;
  }
}
