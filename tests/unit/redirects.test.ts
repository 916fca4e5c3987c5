import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";

describe("old /cases links", () => {
  it("redirect to the application they named, and no rule redirects a route to itself", async () => {
    const rules = (await nextConfig.redirects?.()) ?? [];
    expect(rules).toContainEqual(expect.objectContaining({ source: "/cases", destination: "/applications" }));
    expect(rules).toContainEqual(expect.objectContaining({ source: "/cases/:path*", destination: "/applications/:path*" }));
    for (const rule of rules) expect(rule.source).not.toBe(rule.destination);
  });
});
