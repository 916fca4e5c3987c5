/**
 * The client's IP address, as the per-IP sign-in limit and the audit rows see it.
 *
 * Taken from the TCP socket (the peer), never from a header the client can
 * write: `X-Forwarded-For` is believed only when the peer is one of
 * TRUSTED_PROXIES (comma-separated addresses or CIDR ranges, e.g. the TLS
 * reverse proxy "127.0.0.1" or "10.0.0.0/8"), and then only up to the first
 * hop that is not itself a trusted proxy (rightmost untrusted entry).
 *
 * Next.js copies a client-supplied X-Forwarded-For through unchanged and gives
 * route handlers no socket, so `installClientIpHeader()` (instrumentation.ts)
 * stamps every incoming request with the resolved address in CLIENT_IP_HEADER
 * — overwriting whatever the client sent under that name — and replaces
 * X-Forwarded-For with the same single address.
 */
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import net from "node:net";

/** Set by this module on every request; any client-supplied value is overwritten. */
export const CLIENT_IP_HEADER = "x-portal-client-ip";

/** "::ffff:1.2.3.4" → "1.2.3.4"; anything that is not an IP address → null. */
export function normalizeIp(value: string | undefined | null): string | null {
  if (!value) return null;
  let v = value.trim();
  if (v.startsWith("[") && v.includes("]")) v = v.slice(1, v.indexOf("]"));
  if (/^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(v)) v = v.slice(7);
  return net.isIP(v) ? v : null;
}

/** A matcher for TRUSTED_PROXIES ("127.0.0.1, 10.0.0.0/8, ::1"). @throws on an entry that is no address or range */
export function trustedProxyMatcher(spec: string | undefined): (ip: string) => boolean {
  const list = new net.BlockList();
  let any = false;
  for (const raw of (spec ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const [address, bits] = raw.split("/");
    const ip = normalizeIp(address);
    if (!ip) throw new Error(`TRUSTED_PROXIES: ${raw} is not an IP address or range`);
    const family = net.isIPv6(ip) ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(ip, family);
    else list.addSubnet(ip, Number(bits), family);
    any = true;
  }
  if (!any) return () => false;
  return (ip) => list.check(ip, net.isIPv6(ip) ? "ipv6" : "ipv4");
}

/**
 * The client address of a request that arrived from `peer` (the socket's remote address).
 * @param forwardedFor the X-Forwarded-For header(s), used only when `peer` is trusted
 * @returns the address, or null when the peer is unknown
 */
export function resolveClientIp(peer: string | undefined | null, forwardedFor: string | string[] | undefined, isTrusted: (ip: string) => boolean): string | null {
  const socketIp = normalizeIp(peer);
  if (!socketIp || !isTrusted(socketIp) || !forwardedFor) return socketIp;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",").map((h) => h.trim());
  // Right to left: the proxies we trust appended what they saw; the first untrusted hop is the client.
  let candidate = socketIp;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeIp(hops[i]);
    if (!hop) return candidate; // garbage written by someone before our proxies: stop believing
    candidate = hop;
    if (!isTrusted(hop)) return hop;
  }
  return candidate;
}

const installed = globalThis as unknown as { __portalClientIp?: boolean };

/** Stamp every request this process serves with CLIENT_IP_HEADER (idempotent). */
export function installClientIpHeader(trustedProxies: string | undefined): void {
  if (installed.__portalClientIp) return;
  installed.__portalClientIp = true;
  const isTrusted = trustedProxyMatcher(trustedProxies);
  // Published synchronously just before the server's "request" event (Node's http server).
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    stampClientIp(request, isTrusted);
  });
}

/** Overwrite the request's client-address headers with the resolved address. */
export function stampClientIp(request: Pick<IncomingMessage, "headers" | "socket">, isTrusted: (ip: string) => boolean): string | null {
  const ip = resolveClientIp(request.socket?.remoteAddress, request.headers["x-forwarded-for"], isTrusted);
  if (ip) {
    request.headers[CLIENT_IP_HEADER] = ip;
    request.headers["x-forwarded-for"] = ip;
  } else {
    delete request.headers[CLIENT_IP_HEADER];
    delete request.headers["x-forwarded-for"];
  }
  delete request.headers["x-real-ip"];
  return ip;
}

/** The stamped client address of a request (null when unknown, e.g. outside the Node server). */
export function clientIpOf(headers: Headers): string | null {
  return normalizeIp(headers.get(CLIENT_IP_HEADER));
}
