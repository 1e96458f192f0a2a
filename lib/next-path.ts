const PLACEHOLDER_ORIGIN = "http://next-path.invalid";

/**
 * A `next` parameter that is safe to follow after sign-in: a path on this site ("/invite/abc"),
 * never another origin. Protocol-relative ("//evil.test"), backslash ("/\evil.test") and
 * absolute URLs are refused, as is anything with control characters; the answer is the path as
 * the browser would resolve it, or null.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//")) return null;
  // Browsers read "\" as "/" and drop tabs and newlines, which would turn "/\evil.test" into "//evil.test".
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  try {
    const url = new URL(value, PLACEHOLDER_ORIGIN);
    return url.origin === PLACEHOLDER_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}
