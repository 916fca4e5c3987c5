import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, servedOverHttps } from "@/lib/security/headers";

describe("security headers (issue 10.6)", () => {
  it("allows scripts only by this response's nonce: no 'unsafe-inline' for scripts", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy(nonce);
    const script = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(script).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(script).not.toContain("unsafe-inline");
    expect(script).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy(nonce, { dev: true })).toContain("'unsafe-eval'");
  });

  it("makes a fresh, unguessable nonce per response", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("sends HSTS only when served over https", () => {
    expect(servedOverHttps(undefined, "http:")).toBe(false);
    expect(servedOverHttps("http://127.0.0.1:3000", "http:")).toBe(false);
    expect(servedOverHttps("https://portal.example.cn", "http:")).toBe(true);
    expect(servedOverHttps(undefined, "https:")).toBe(true);
  });
});
