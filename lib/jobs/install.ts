/**
 * The job queue's schema, installed by the schema owner (never by the app).
 *
 * pg-boss creates its schema ("pgboss") on first start and one partition table
 * per queue (`create_queue`): DDL the application role may not run. So the
 * owner installs both after `prisma migrate deploy` (scripts/lib/provision.ts,
 * and the integration tests for their own queues); the application then starts
 * pg-boss with `migrate: false`, and its `createQueue` of an existing queue is
 * a plain `INSERT … ON CONFLICT DO NOTHING`.
 */
import PgBoss from "pg-boss";

export const JOB_SCHEMA = "pgboss";
/** The portal's queues (lib/jobs/index.ts portalJobs defines their work and schedules). */
export const JOB_NAMES = ["application-deadline-reminders", "notification-deliveries", "daily-backup", "audit-checkpoint", "audit-verify"] as const;
export type JobName = (typeof JOB_NAMES)[number];
/** pg-boss's own queue for cron schedules (timekeeper), created by it on start when it can. */
const CRON_QUEUE = "__pgboss__send-it";

/** Options every portal queue is created with: one run at a time across instances (singleton policy). */
export const QUEUE_OPTIONS = { policy: "singleton", retryLimit: 2, expireInSeconds: 600 } as const;

/**
 * Create (or migrate) the pg-boss schema and the given queues, connected as the schema owner.
 * @param ownerUrl postgresql:// URL of the role that owns the portal's schema
 * @param queues queue names (letters, digits, hyphens)
 */
export async function installJobSchema(ownerUrl: string, queues: readonly string[]): Promise<void> {
  const boss = new PgBoss({ connectionString: ownerUrl, schema: JOB_SCHEMA, max: 1, supervise: false, schedule: false, application_name: "union-portal-install" });
  boss.on("error", () => undefined);
  await boss.start();
  try {
    await boss.createQueue(CRON_QUEUE);
    for (const name of queues) await boss.createQueue(name, { name, ...QUEUE_OPTIONS });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
