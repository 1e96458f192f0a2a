import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/next-path";

const ORIGIN = "https://dnc.example.test";

describe("safeNextPath", () => {
  it.each([
    ["/invite/abc_DEF-123", "/invite/abc_DEF-123"],
    ["/entries?q=jane#top", "/entries?q=jane#top"],
    ["/a/../members", "/members"],
    ["/entries?next=//evil.test", "/entries?next=//evil.test"],
    ["/..%2f/x", "/..%2f/x"],
    ["/%5c%5cevil.test", "/%5c%5cevil.test"],
  ])("follows %s", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    ["an absolute URL", "https://evil.test/invite/x"],
    ["a protocol-relative URL", "//evil.test/x"],
    ["a backslash", "/\\evil.test"],
    ["two backslashes", "/\\\\evil.test"],
    ["a slash and a backslash", "\\/evil.test"],
    ["a tab", "/\t/evil.test"],
    ["a newline", "/\n/evil.test"],
    ["a carriage return", "/\r/evil.test"],
    ["a parent segment before two slashes", "/..//evil.test/phish"],
    ["a current segment before two slashes", "/.//x"],
    ["an encoded parent segment", "/%2e%2e//x"],
    ["an encoded parent segment in capitals", "/%2E%2E//x"],
    ["a half-encoded parent segment", "/.%2e//x"],
    ["an encoded current segment", "/%2e//x"],
    ["dot segments after a path", "/a/..//evil.test"],
    ["dot segments in a row", "/./..//x"],
    ["a parent segment and a backslash", "/..\\/evil.test"],
    ["a parent segment and two backslashes", "/..\\\\evil.test"],
    ["a tab between the slashes", "/../\t/evil.test"],
    ["a query after a parent segment", "/..//evil.test/phish?x=1#y"],
    ["a scheme", "javascript:alert(1)"],
    ["a relative path", "entries"],
    ["nothing", ""],
    ["not a string", ["/entries"]],
  ])("refuses %s", (_, value) => {
    expect(safeNextPath(value)).toBeNull();
  });

  it("whatever it follows, from any mix of slashes, dots and their encodings, stays on the origin", () => {
    const piece = fc.constantFrom("/", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "\t", "\n", "evil.test", "?", "#", "@", ":");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const path = safeNextPath(`/${pieces.join("")}`);
        if (path === null) return;
        expect(path).toMatch(/^\/(?![\/\\])/);
        expect(new URL(path, ORIGIN).origin).toBe(ORIGIN);
      }),
      { numRuns: 2000 },
    );
  });
});
