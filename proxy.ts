/**
 * Runs before every request: tags it with a request id (x-request-id, used by
 * the audit writer and logs) and returns it on the response. Authentication and
 * authorization are NOT decided here: pages, actions and route handlers call
 * the authorization gate themselves (lib/server/action.ts).
 */
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  // Always our own id: a client-supplied one must not reach the audit trail.
  const id = crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", id);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", id);
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
