/** Any origin gives the same answer for a path; a fixed one keeps this usable in the browser and on the server alike. */
const ORIGIN = "http://next-path.invalid";

/**
 * A `next` parameter that is safe to follow after sign-in: a path on this site ("/invite/abc"),
 * never another origin. It is resolved as a browser resolves it (WHATWG URL: backslashes, tabs,
 * newlines, dot segments and their percent-encoded forms) and accepted only when the result is on
 * this origin and, written back as a path, resolves to the same URL again: "/..//evil.test" resolves
 * on this origin to the path "//evil.test", which followed as it is would name another host. The
 * answer is that path, or null.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || !value.startsWith("/")) return null;
  try {
    const target = new URL(value, ORIGIN);
    const path = `${target.pathname}${target.search}${target.hash}`;
    return target.origin === ORIGIN && new URL(path, ORIGIN).href === target.href ? path : null;
  } catch {
    return null;
  }
}
