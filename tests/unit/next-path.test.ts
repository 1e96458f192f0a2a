import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/next-path";

describe("safeNextPath", () => {
  it.each([
    ["/invite/abc_DEF-123", "/invite/abc_DEF-123"],
    ["/entries?q=jane#top", "/entries?q=jane#top"],
    ["/a/../members", "/members"],
  ])("follows %s", (value, expected) => {
    expect(safeNextPath(value)).toBe(expected);
  });

  it.each([
    ["an absolute URL", "https://evil.test/invite/x"],
    ["a protocol-relative URL", "//evil.test/x"],
    ["a backslash", "/\\evil.test"],
    ["a tab", "/\t/evil.test"],
    ["a newline", "/\n/evil.test"],
    ["a scheme", "javascript:alert(1)"],
    ["a relative path", "entries"],
    ["nothing", ""],
    ["not a string", ["/entries"]],
  ])("refuses %s", (_, value) => {
    expect(safeNextPath(value)).toBeNull();
  });
});
