/**
 * Runs before every request: tags it with a request id (x-request-id, used by
 * the audit writer and logs) and returns it on the response; sets the
 * nonce-based Content-Security-Policy (on the request, where Next.js picks up
 * the nonce for its scripts, and on the response) and HSTS over https
 * (lib/security/headers.ts). Authentication and authorization are NOT decided
 * here: pages, actions and route handlers call the authorization gate
 * themselves (lib/server/action.ts).
 */
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { STRICT_TRANSPORT_SECURITY, contentSecurityPolicy, newNonce, servedOverHttps } from "@/lib/security/headers";

export function proxy(request: NextRequest) {
  // Always our own id: a client-supplied one must not reach the audit trail.
  const id = crypto.randomUUID();
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("x-request-id", id);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", id);
  response.headers.set("Content-Security-Policy", csp);
  if (servedOverHttps(env().AUTH_URL, request.nextUrl.protocol)) response.headers.set("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
