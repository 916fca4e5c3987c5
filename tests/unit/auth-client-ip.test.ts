import { describe, expect, it } from "vitest";
import { CLIENT_IP_HEADER, clientIpOf, resolveClientIp, stampClientIp, trustedProxyMatcher } from "@/lib/auth/client-ip";

describe("client IP from the socket unless a trusted proxy forwarded it (issue 10.2)", () => {
  const none = trustedProxyMatcher(undefined);
  const proxy = trustedProxyMatcher("127.0.0.1, 10.0.0.0/8");

  it("ignores X-Forwarded-For from an untrusted peer", () => {
    expect(resolveClientIp("203.0.113.9", "6.6.6.6", none)).toBe("203.0.113.9");
    expect(resolveClientIp("::ffff:203.0.113.9", "6.6.6.6, 7.7.7.7", proxy)).toBe("203.0.113.9");
  });

  it("believes a trusted proxy up to the first untrusted hop (a forged left part is ignored)", () => {
    expect(resolveClientIp("127.0.0.1", "198.51.100.4", proxy)).toBe("198.51.100.4");
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.4, 10.1.2.3", proxy)).toBe("198.51.100.4");
    expect(resolveClientIp("127.0.0.1", "not-an-ip, 10.1.2.3", proxy)).toBe("10.1.2.3");
    expect(resolveClientIp("127.0.0.1", undefined, proxy)).toBe("127.0.0.1");
  });

  it("refuses a malformed TRUSTED_PROXIES entry", () => {
    expect(() => trustedProxyMatcher("localhost")).toThrow(/TRUSTED_PROXIES/);
  });

  it("stamps the request, overwriting client-supplied address headers", () => {
    const request = {
      socket: { remoteAddress: "192.0.2.1" },
      headers: { "x-forwarded-for": "6.6.6.6", [CLIENT_IP_HEADER]: "6.6.6.6", "x-real-ip": "6.6.6.6" } as Record<string, string | string[] | undefined>,
    };
    expect(stampClientIp(request as never, none)).toBe("192.0.2.1");
    expect(request.headers).toEqual({ "x-forwarded-for": "192.0.2.1", [CLIENT_IP_HEADER]: "192.0.2.1" });
    expect(clientIpOf(new Headers({ [CLIENT_IP_HEADER]: "192.0.2.1" }))).toBe("192.0.2.1");
    expect(clientIpOf(new Headers({ "x-forwarded-for": "6.6.6.6" }))).toBeNull();
  });
});
