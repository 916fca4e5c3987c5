/**
 * Runs once when the Next.js server starts: background jobs (lib/jobs) in the
 * Node.js runtime. PORTAL_JOBS=off disables them (the Playwright server does,
 * so reminders never change what a test sees; integration tests run them).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env().PORTAL_JOBS === "off") return;
  const { startJobs } = await import("@/lib/jobs");
  const { logger } = await import("@/lib/logger");
  try {
    await startJobs();
  } catch (error) {
    // The portal keeps serving without reminders; the error is logged for the operator.
    logger().error({ err: error }, "background jobs failed to start");
  }
}
