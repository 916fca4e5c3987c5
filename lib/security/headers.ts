/**
 * Response security headers set per request by proxy.ts (issue 10.6).
 *
 * Content-Security-Policy with a fresh nonce per request and 'strict-dynamic'
 * (Next.js reads the policy from the request, finds the nonce and puts it on
 * its own inline and chunk scripts): no 'unsafe-inline' for scripts, so an
 * injected <script> or on*="" handler does not run. Styles keep
 * 'unsafe-inline' (React style attributes, chart libraries) — a style cannot
 * run code. 'unsafe-eval' only in development (React's dev tooling needs it).
 *
 * Strict-Transport-Security when the portal is served over https (AUTH_URL
 * https://… behind a TLS reverse proxy, or TLS directly): browsers then refuse
 * plain http for a year.
 */

/** A fresh base64 nonce (16 random bytes). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** The Content-Security-Policy for a response carrying `nonce`. */
export function contentSecurityPolicy(nonce: string, options: { dev?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** HSTS value (one year, subdomains), sent only over https. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** Is the portal served over https? (its public AUTH_URL, or this request's own scheme) */
export function servedOverHttps(authUrl: string | undefined, requestProtocol: string): boolean {
  return requestProtocol === "https:" || (authUrl ?? "").startsWith("https://");
}
