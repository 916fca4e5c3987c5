/**
 * Orderly stop of a `next start` process on SIGTERM / SIGINT (Ctrl-C):
 *
 * 1. stop accepting: Next.js closes its listening socket, /api/health answers
 *    503 "draining" so a load balancer stops sending traffic;
 * 2. drain: Next.js waits for in-flight requests (Node's server.close), while
 *    pg-boss stops fetching jobs and waits for the running ones;
 * 3. stop pg-boss (its pool closes), then close the Prisma pool;
 * 4. exit — and only then does `npm start` stop the embedded PostgreSQL, so no
 *    connection is ever cut by the server going away (no 57P01).
 *
 * Next.js's own signal handler calls process.exit() once its server is closed;
 * that exit is held until steps 2–3 are done. Everything is bounded by
 * SHUTDOWN_TIMEOUT_SECONDS: past it the process exits anyway, with a warning.
 */
import { disconnectDb } from "@/lib/db";
import { env } from "@/lib/env";
import { stopJobs } from "@/lib/jobs";
import { logger } from "@/lib/logger";
import { runtime } from "./runtime";

/** Install the signal handlers (once per process). */
export function installShutdown(): void {
  const holder = globalThis as unknown as { __portalShutdown?: boolean };
  if (holder.__portalShutdown) return;
  holder.__portalShutdown = true;
  const realExit = process.exit.bind(process) as (code?: number) => never;
  let drained: Promise<void> | null = null;

  const begin = (signal: NodeJS.Signals) => {
    if (drained) return;
    const state = runtime();
    state.draining = true;
    const timeoutMs = env().SHUTDOWN_TIMEOUT_SECONDS * 1000;
    logger().info({ signal, inFlight: state.inFlight, timeoutMs }, "shutting down: draining requests and jobs");
    const work = (async () => {
      await stopJobs(Math.max(1000, timeoutMs - 2000));
    })();
    const bound = new Promise<void>((resolve) =>
      setTimeout(() => {
        logger().warn({ inFlight: state.inFlight }, "shutdown bound reached; exiting with work still running");
        resolve();
      }, timeoutMs).unref(),
    );
    drained = Promise.race([work, bound]).catch((error) => logger().warn({ err: error }, "stopping background jobs failed"));
    // Next.js exits from its own handler after closing its server; hold that exit until drained.
    process.exit = ((code?: number) => {
      void drained!
        .then(async () => {
          // Requests are done (Next closed its server first): the pool can go.
          await disconnectDb().catch(() => undefined);
          logger().info({ code }, "stopped");
          logger().flush();
        })
        .finally(() => realExit(code));
      return undefined as never;
    }) as typeof process.exit;
  };
  process.once("SIGTERM", () => begin("SIGTERM"));
  process.once("SIGINT", () => begin("SIGINT"));
}
