/**
 * Runs once when the Next.js server starts (Node.js runtime): request metrics,
 * the orderly shutdown on SIGTERM/SIGINT (lib/ops/shutdown.ts) and the
 * background jobs (lib/jobs), whose start is retried with back-off when the
 * database is not reachable yet. PORTAL_JOBS=off disables the jobs (the
 * Playwright server does, so reminders never change what a test sees).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  const { installHttpMetrics } = await import("@/lib/ops/http-metrics");
  const { installShutdown } = await import("@/lib/ops/shutdown");
  installHttpMetrics();
  installShutdown();
  if (env().PORTAL_JOBS === "off") return;
  const { keepStartingJobs } = await import("@/lib/jobs");
  // Not awaited: the portal serves while the jobs start (or retry); /api/health shows their state.
  void keepStartingJobs();
}
