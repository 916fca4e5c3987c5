/**
 * Runs once when the Next.js server starts (Node.js runtime): the client-address
 * stamp (lib/auth/client-ip.ts), request metrics,
 * the orderly shutdown on SIGTERM/SIGINT (lib/ops/shutdown.ts) and the
 * background jobs (lib/jobs), whose start is retried with back-off when the
 * database is not reachable yet. PORTAL_JOBS=off disables the jobs (the
 * Playwright server does, so reminders never change what a test sees).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { installClientIpHeader } = await import("@/lib/auth/client-ip");
  const { installHttpMetrics } = await import("@/lib/ops/http-metrics");
  // The client address from the socket (X-Forwarded-For only from TRUSTED_PROXIES), before anything reads it.
  installClientIpHeader(env().TRUSTED_PROXIES);
  const { installShutdown } = await import("@/lib/ops/shutdown");
  installHttpMetrics();
  installShutdown();
  if (env().PORTAL_JOBS === "off") return;
  const { keepStartingJobs } = await import("@/lib/jobs");
  // Not awaited: the portal serves while the jobs start (or retry); /api/health shows their state.
  void keepStartingJobs();
}
