/**
 * Environment, validated once (zod). Every module reads configuration from
 * here, never from `process.env` directly.
 *
 * DATABASE_URL is optional at build time (pages are dynamic and never open
 * the database during `next build`) and required when the server handles a
 * request: `npm start` always provides it (embedded PostgreSQL by default).
 */
import path from "node:path";
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL").optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  /** public base URL; https here turns on __Secure- cookies */
  AUTH_URL: z.url().optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** where versions before the database file store kept evidence files; imported into PostgreSQL at start (scripts/lib/legacy-uploads.ts) */
  UPLOAD_DIR: z.string().default(path.join(process.cwd(), ".data", "uploads")),
  /** max evidence file size, bytes (default 10 MiB) */
  MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** e-mail/SMS delivery of notifications (lib/notifications/sender.ts): "log" writes them to the log, "none" drops them */
  NOTIFICATION_SENDER: z.enum(["log", "none"]).default("log"),
  /** sign-in throttling: failures allowed per window before lock-out */
  LOGIN_MAX_FAILURES_ACCOUNT: z.coerce.number().int().positive().default(5),
  LOGIN_MAX_FAILURES_IP: z.coerce.number().int().positive().default(20),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  /** progressive lock-out: each lock lasts LOGIN_WINDOW_MINUTES × 2^(earlier locks), at most this, minutes */
  LOGIN_MAX_LOCK_MINUTES: z.coerce.number().int().positive().default(24 * 60),
  /** a session ends after this many minutes without a request (ASVS 3.3.2); fractions allowed */
  SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /**
   * addresses / CIDR ranges of reverse proxies whose X-Forwarded-For is believed
   * (comma-separated, e.g. "127.0.0.1" for an nginx on the same host); unset = the socket's address only
   */
  TRUSTED_PROXIES: z.string().optional(),
  /** "off" on a real installation: no demo data, no published password, no demo banner (prisma/seed.ts) */
  PORTAL_DEMO: z.enum(["on", "off"]).default("on"),
  /** audit checkpoint key (≥ 32 characters); else AUDIT_CHECKPOINT_KEY_FILE (lib/audit/checkpoint.ts) */
  AUDIT_CHECKPOINT_KEY: z.string().min(32, "AUDIT_CHECKPOINT_KEY must be at least 32 characters").optional(),
  /** file holding the checkpoint key, created (mode 0600) on first use when missing */
  AUDIT_CHECKPOINT_KEY_FILE: z.string().default(path.join(process.cwd(), ".data", "audit-checkpoint-key")),
  /** cron (Asia/Shanghai) of the audit checkpoint job; "off" disables it */
  AUDIT_CHECKPOINT_CRON: z.string().default("0 * * * *"),
  /** cron (Asia/Shanghai) of the daily audit:verify job (notifies administrators on a break); "off" disables it */
  AUDIT_VERIFY_CRON: z.string().default("15 3 * * *"),
  /** background jobs (deadline reminders, lib/jobs): "off" disables them in this process */
  PORTAL_JOBS: z.enum(["on", "off"]).default("on"),
  /** cron (Asia/Shanghai) of the deadline-reminder sweep */
  REMINDER_CRON: z.string().default("*/5 * * * *"),
  /** cron (Asia/Shanghai) of the daily backup job; "off" disables it */
  BACKUP_CRON: z.string().default("30 2 * * *"),
  /** where `npm run backup` and the daily job write archives */
  BACKUP_DIR: z.string().default(path.join(process.cwd(), ".data", "backups")),
  /** retention: keep at most this many archives… */
  BACKUP_KEEP: z.coerce.number().int().positive().default(14),
  /** …and none older than this many days (the newest is always kept) */
  BACKUP_MAX_AGE_DAYS: z.coerce.number().int().positive().default(30),
  /** directory of pg_dump / pg_restore (default: /usr/lib/postgresql/<server major>/bin, else PATH) */
  PG_BIN_DIR: z.string().optional(),
  /** bearer token for GET /api/metrics; unset = the endpoint answers 404 */
  METRICS_TOKEN: z.string().min(16, "METRICS_TOKEN must be at least 16 characters").optional(),
  /** bound on draining requests and jobs at SIGTERM/SIGINT, seconds */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(25),
  /** /api/health fails when the data volume has less free space than this, MiB */
  HEALTH_MIN_FREE_MB: z.coerce.number().int().nonnegative().default(512),
  /** the volume checked by /api/health (npm start passes the database's data directory) */
  PORTAL_DATA_DIR: z.string().default(path.join(process.cwd(), ".data")),
  /** how long a mutation may wait for a database connection before it gives up (mutate(), Prisma maxWait), ms */
  TX_MAX_WAIT_MS: z.coerce.number().int().positive().default(10_000),
  /** how long one mutation's transaction may run (mutate(), Prisma timeout), ms */
  TX_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Parsed environment; throws with every problem listed when invalid. */
export function env(): Env {
  if (!cached) {
    const parsed = schema.safeParse(process.env);
    if (!parsed.success) {
      throw new Error(`Invalid environment:\n${parsed.error.issues.map((i) => `- ${i.path.join(".")}: ${i.message}`).join("\n")}`);
    }
    cached = parsed.data;
  }
  return cached;
}

/** DATABASE_URL, or an error explaining how the portal gets one. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with `npm start` (embedded PostgreSQL) or set it.");
  return url;
}

/** Test hook: forget the cached environment. */
export function resetEnvCache() {
  cached = undefined;
}
