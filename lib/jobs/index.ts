/**
 * Background jobs on the portal's own PostgreSQL (pg-boss, schema "pgboss").
 * Started once per server process from instrumentation.ts; with several
 * instances on one database each job still runs once per period: the cron
 * schedule is turned into at most one job per minute across processes
 * (pg-boss timekeeper, singletonSeconds 60) and every queue has the singleton
 * policy (one active run at a time).
 *
 * The schema and queues are installed by the schema owner (lib/jobs/install.ts);
 * the application role starts pg-boss with `migrate: false`.
 *
 * Jobs:
 * - application-deadline-reminders (REMINDER_CRON, every 5 minutes): reminders for
 *   review steps past their deadline (art. 18, ReviewDeadline) and for
 *   protective measures past their due date (art. 6–10), lib/applications/reminders.ts;
 * - notification-deliveries (every minute): e-mail/SMS copies still waiting in
 *   the outbox (lib/notifications/outbox.ts), e.g. after a crash;
 * - daily-backup (BACKUP_CRON, 02:30): `npm run backup`'s archive with retention (lib/ops/backup.ts);
 * - audit-checkpoint (AUDIT_CHECKPOINT_CRON, hourly): a signed checkpoint of the audit chain's head
 *   (lib/audit/checkpoint.ts);
 * - audit-verify (AUDIT_VERIFY_CRON, 03:15): `audit:verify`, notifying the city's administrators
 *   on any break (lib/audit/daily-verify.ts).
 */
import PgBoss from "pg-boss";
import { databaseUrl, env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { remindersDue, sendDeadlineReminders } from "@/lib/applications/reminders";
import { drainDeliveries } from "@/lib/notifications/outbox";
import { metrics } from "@/lib/ops/metrics";
import { runtime } from "@/lib/ops/runtime";
import { JOB_NAMES, JOB_SCHEMA, QUEUE_OPTIONS, type JobName } from "./install";

export type JobDefinition = {
  /** queue name (letters, digits, hyphens) */
  name: string;
  /** cron expression, Asia/Shanghai time; null = not scheduled (queue only) */
  cron: string | null;
  run: () => Promise<unknown>;
};

/** The portal's jobs (names fixed in JOB_NAMES; schedules come from the environment). */
export function portalJobs(): JobDefinition[] {
  const e = env();
  const jobs: Record<JobName, JobDefinition> = {
    "application-deadline-reminders": { name: "application-deadline-reminders", cron: e.REMINDER_CRON, run: async () => ((await remindersDue()) ? sendDeadlineReminders() : { applications: 0, measures: 0 }) },
    "notification-deliveries": { name: "notification-deliveries", cron: "* * * * *", run: () => drainDeliveries() },
    "daily-backup": {
      name: "daily-backup",
      cron: e.BACKUP_CRON === "off" ? null : e.BACKUP_CRON,
      run: async () => (await import("@/lib/ops/backup")).scheduledBackup(),
    },
    "audit-checkpoint": {
      name: "audit-checkpoint",
      cron: e.AUDIT_CHECKPOINT_CRON === "off" ? null : e.AUDIT_CHECKPOINT_CRON,
      run: async () => {
        const checkpoint = await (await import("@/lib/audit/checkpoint")).recordCheckpoint("periodic");
        return checkpoint ? { id: checkpoint.id.toString(), headId: checkpoint.headId.toString() } : null;
      },
    },
    "audit-verify": {
      name: "audit-verify",
      cron: e.AUDIT_VERIFY_CRON === "off" ? null : e.AUDIT_VERIFY_CRON,
      run: async () => {
        const { report, notified } = await (await import("@/lib/audit/daily-verify")).verifyAndAlert();
        return { ok: report.ok, rows: report.chain.rows, checkpoints: report.checkpoints, notified: notified.length };
      },
    },
  };
  return JOB_NAMES.map((name) => jobs[name]);
}

const holder = globalThis as unknown as { __portalJobs?: Promise<PgBoss> | null };

/** Wrap a job's work with a log line and the run/failure metrics. */
async function runJob(job: JobDefinition, jobId: string | undefined) {
  const m = metrics();
  const stopTimer = m.jobDuration.startTimer({ job: job.name });
  try {
    const result = await job.run();
    m.jobRuns.inc({ job: job.name, result: "ok" });
    logger().info({ job: job.name, jobId, result }, "job done");
    return result;
  } catch (error) {
    m.jobRuns.inc({ job: job.name, result: "failed" });
    logger().warn({ err: error, job: job.name, jobId }, "job failed (pg-boss retries it)");
    throw error;
  } finally {
    stopTimer();
  }
}

/**
 * Start pg-boss, register every job's schedule and worker. Idempotent within a
 * process; a failed start can be tried again (see keepStartingJobs).
 * @throws when the database is unreachable or the job schema is not installed
 */
export function startJobs(jobs: readonly JobDefinition[] = portalJobs(), connectionString: string = databaseUrl()): Promise<PgBoss> {
  if (holder.__portalJobs) return holder.__portalJobs;
  const starting = (async () => {
    const boss = new PgBoss({ connectionString, schema: JOB_SCHEMA, migrate: false, max: 3, application_name: "union-portal-jobs" });
    boss.on("error", (error) => logger().error({ err: error }, "job queue error"));
    try {
      await boss.start();
      for (const job of [...jobs]) {
        // An existing queue is a no-op INSERT … ON CONFLICT; a new one needs the owner (lib/jobs/install.ts).
        await boss.createQueue(job.name, { name: job.name, ...QUEUE_OPTIONS });
        if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: "Asia/Shanghai" });
        else await boss.unschedule(job.name);
        await boss.work(job.name, async ([run]) => runJob(job, run?.id));
      }
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
      throw error;
    }
    logger().info({ jobs: [...jobs].map((j) => j.name) }, "background jobs started");
    return boss;
  })();
  holder.__portalJobs = starting;
  starting.catch(() => {
    if (holder.__portalJobs === starting) holder.__portalJobs = null;
  });
  return starting;
}

/**
 * Start the jobs, retrying with exponential back-off (1 s, 2 s, 4 s … up to
 * `maxDelayMs`) until they run or the process stops: a database that comes up
 * after the portal, or a short outage at boot, must not leave the portal
 * without reminders until someone restarts it. Health shows the state.
 * @returns a promise settled when the jobs run (or false when shut down first)
 */
export async function keepStartingJobs(options: { start?: () => Promise<unknown>; baseDelayMs?: number; maxDelayMs?: number } = {}): Promise<boolean> {
  const { start = () => startJobs(), baseDelayMs = 1000, maxDelayMs = 60_000 } = options;
  const state = runtime();
  for (let attempt = 0; ; attempt++) {
    if (state.draining) return false;
    state.jobs = attempt === 0 ? "starting" : "retrying";
    try {
      await start();
      state.jobs = "running";
      state.jobsError = null;
      return true;
    } catch (error) {
      const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      state.jobsError = error instanceof Error ? error.message : String(error);
      // warn, not error: the portal serves on, and the next attempt is already scheduled
      logger().warn({ err: error, attempt: attempt + 1, retryInMs: delay }, "background jobs failed to start; retrying");
      await new Promise((r) => setTimeout(r, delay).unref());
    }
  }
}

/**
 * Stop the workers: no new job is fetched, running ones finish (bounded by
 * `timeoutMs`, then they are failed back to the queue for a retry), then the
 * pool closes. Tests and shutdown.
 */
export async function stopJobs(timeoutMs = 20_000): Promise<void> {
  const pending = holder.__portalJobs;
  holder.__portalJobs = null;
  const boss = await pending?.catch(() => null);
  if (!boss) return;
  runtime().jobs = "stopping";
  await boss.stop({ graceful: true, wait: true, timeout: timeoutMs });
  runtime().jobs = "stopped";
}
