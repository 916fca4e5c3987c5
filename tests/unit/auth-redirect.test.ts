import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/redirect";

describe("post-sign-in destination (open redirect, issue 10.5)", () => {
  it.each([
    "//evil.com",
    "/\\evil.com",
    "/\t/evil.com",
    "/\n/evil.com",
    "https:evil.com",
    "https://evil.com/",
    "http://portal.invalid@evil.com/",
    "javascript:alert(1)",
    "\\\\evil.com",
    " //evil.com",
    "///evil.com",
    "",
  ])("refuses %j", (candidate) => {
    expect(safeRedirectPath(candidate)).toBe("/");
  });

  it("keeps the portal's own paths with their query and fragment", () => {
    expect(safeRedirectPath("/applications/12?tab=review#opinion")).toBe("/applications/12?tab=review#opinion");
    expect(safeRedirectPath("/fund")).toBe("/fund");
  });

  it("refuses excluded prefixes (no loop back to the sign-in page) and falls back", () => {
    expect(safeRedirectPath("/login?next=/x", "/", { exclude: ["/login"] })).toBe("/");
    expect(safeRedirectPath("/loginx", "/", { exclude: ["/login"] })).toBe("/loginx");
    expect(safeRedirectPath(undefined, "/home")).toBe("/home");
  });
});
