/**
 * Prometheus metrics (prom-client), one registry per server process.
 *
 * Kept on globalThis: Next.js bundles instrumentation, route handlers and
 * server actions separately, so a module-level registry would exist several
 * times in one process and each would see only part of the traffic.
 *
 * - portal_http_request_duration_seconds{method,route,status}: every request,
 *   timed from Node's `http.server.request.start` diagnostics channel to the
 *   response's `finish`; `route` is the Next.js route pattern (/applications/[id]),
 *   never the raw path, so the label set stays small (lib/ops/routes.ts);
 * - portal_action_outcomes_total{action,outcome}: server actions by permission
 *   and outcome (ok, invalid, unauthenticated, forbidden, not_found, conflict, refused, error);
 * - portal_job_runs_total{job,result} and portal_job_duration_seconds{job};
 * - portal_db_pool_connections{state} (total, idle, waiting, max) of the Prisma pool;
 * - the default Node.js process metrics (CPU, memory, event loop lag).
 */
import client from "prom-client";
import { poolUsage } from "@/lib/db";

type Metrics = {
  registry: client.Registry;
  httpDuration: client.Histogram<"method" | "route" | "status">;
  actionOutcomes: client.Counter<"action" | "outcome">;
  jobRuns: client.Counter<"job" | "result">;
  jobDuration: client.Histogram<"job">;
};

const holder = globalThis as unknown as { __portalMetrics?: Metrics };

/** The process's metrics (created on first use). */
export function metrics(): Metrics {
  if (holder.__portalMetrics) return holder.__portalMetrics;
  const registry = new client.Registry();
  registry.setDefaultLabels({ app: "union-portal" });
  client.collectDefaultMetrics({ register: registry });
  const m: Metrics = {
    registry,
    httpDuration: new client.Histogram({
      name: "portal_http_request_duration_seconds",
      help: "HTTP request latency by Next.js route pattern",
      labelNames: ["method", "route", "status"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    actionOutcomes: new client.Counter({ name: "portal_action_outcomes_total", help: "Server action outcomes by permission", labelNames: ["action", "outcome"], registers: [registry] }),
    jobRuns: new client.Counter({ name: "portal_job_runs_total", help: "Background job runs by result (ok, failed)", labelNames: ["job", "result"], registers: [registry] }),
    jobDuration: new client.Histogram({ name: "portal_job_duration_seconds", help: "Background job run time", labelNames: ["job"], buckets: [0.05, 0.25, 1, 5, 30, 120, 600], registers: [registry] }),
  };
  new client.Gauge({
    name: "portal_db_pool_connections",
    help: "Connections of the application's PostgreSQL pool by state",
    labelNames: ["state"],
    registers: [registry],
    collect() {
      const usage = poolUsage();
      for (const state of ["total", "idle", "waiting", "max"] as const) this.set({ state }, usage ? usage[state] : 0);
    },
  });
  holder.__portalMetrics = m;
  return m;
}

/** Outcome label of a server action's result (its HTTP-like status). */
export function actionOutcome(state: { ok: boolean; status?: number }): string {
  if (state.ok) return "ok";
  switch (state.status) {
    case 401: return "unauthenticated";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 409: return "conflict";
    case 422: return "invalid";
    case 500: return "error";
    default: return "refused";
  }
}

/** Count one server action's outcome. */
export function recordAction(action: string, state: { ok: boolean; status?: number }): void {
  metrics().actionOutcomes.inc({ action, outcome: actionOutcome(state) });
}

/**
 * Wrap a server action so each call's outcome is counted under `action` (its
 * permission). A redirect after success (Next.js throws it) counts as ok.
 */
export function countOutcomes<A extends unknown[], S extends { ok: boolean; status?: number }>(action: string, fn: (...args: A) => Promise<S>): (...args: A) => Promise<S> {
  return async (...args: A) => {
    try {
      const state = await fn(...args);
      recordAction(action, state);
      return state;
    } catch (error) {
      const digest = (error as { digest?: unknown } | null)?.digest;
      recordAction(action, typeof digest === "string" && digest.startsWith("NEXT_REDIRECT") ? { ok: true } : { ok: false, status: 500 });
      throw error;
    }
  };
}
