/**
 * Per-process state shared by instrumentation, route handlers and jobs (kept
 * on globalThis because Next.js loads these in separate bundles): whether the
 * process is draining for shutdown, the job runner's state and the requests in flight.
 */
export type JobRunnerState = "off" | "starting" | "running" | "retrying" | "stopping" | "stopped";

type Runtime = {
  draining: boolean;
  jobs: JobRunnerState;
  /** last job-runner start error (health detail) */
  jobsError: string | null;
  inFlight: number;
  httpMetrics: boolean;
};

const holder = globalThis as unknown as { __portalRuntime?: Runtime };

export function runtime(): Runtime {
  holder.__portalRuntime ??= { draining: false, jobs: "off", jobsError: null, inFlight: 0, httpMetrics: false };
  return holder.__portalRuntime;
}
