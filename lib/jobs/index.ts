/**
 * Background jobs on the portal's own PostgreSQL (pg-boss, schema "pgboss").
 * Started once per server process from instrumentation.ts; pg-boss keeps each
 * scheduled job to one run at a time across processes (cron + singleton queue).
 *
 * Jobs:
 * - application-deadline-reminders (every 5 minutes): reminders for review steps past
 *   their deadline (art. 18, ReviewDeadline) and for protective measures past
 *   their due date (art. 6–10), see lib/applications/reminders.ts.
 */
import PgBoss from "pg-boss";
import { databaseUrl } from "@/lib/env";
import { logger } from "@/lib/logger";
import { remindersDue, sendDeadlineReminders } from "@/lib/applications/reminders";

export type JobDefinition = {
  /** queue name (letters, digits, hyphens) */
  name: string;
  /** cron expression, Asia/Shanghai time */
  cron: string;
  run: () => Promise<unknown>;
};

export const JOBS: JobDefinition[] = [
  {
    name: "application-deadline-reminders",
    cron: "*/5 * * * *",
    run: async () => ((await remindersDue()) ? sendDeadlineReminders() : { applications: 0, measures: 0 }),
  },
];

let started: Promise<PgBoss> | null = null;

/**
 * Start pg-boss (creating its schema on first use), register every job's
 * schedule and worker. Idempotent within a process.
 */
export function startJobs(jobs: JobDefinition[] = JOBS): Promise<PgBoss> {
  started ??= (async () => {
    const boss = new PgBoss({ connectionString: databaseUrl(), schema: "pgboss", max: 3, application_name: "union-portal-jobs" });
    boss.on("error", (error) => logger().error({ err: error }, "job queue error"));
    await boss.start();
    for (const job of jobs) {
      await boss.createQueue(job.name, { name: job.name, policy: "singleton", retryLimit: 2, expireInSeconds: 600 });
      await boss.schedule(job.name, job.cron, {}, { tz: "Asia/Shanghai" });
      await boss.work(job.name, async ([run]) => {
        const result = await job.run();
        logger().info({ job: job.name, jobId: run?.id, result }, "job done");
        return result;
      });
    }
    logger().info({ jobs: jobs.map((j) => j.name) }, "background jobs started");
    return boss;
  })();
  return started;
}

/** Stop the workers (tests, shutdown). */
export async function stopJobs(): Promise<void> {
  const boss = await started;
  started = null;
  await boss?.stop({ graceful: true, wait: true });
}
