/**
 * Failed sign-in throttling, stored in PostgreSQL (table LoginThrottle) so it
 * holds across processes and restarts (ASVS 2.2.1). Keys: "acct:<username>"
 * and "ip:<address>".
 *
 * Atomic under concurrency: an attempt is COUNTED BEFORE the password is
 * checked (`reserveAttempt`, one INSERT … ON CONFLICT DO UPDATE … RETURNING,
 * which row-locks the key), and only attempts whose count is within the limit
 * reach the password check. So N parallel wrong guesses for one account cost
 * at most LOGIN_MAX_FAILURES_ACCOUNT password checks, whatever N is. A
 * successful sign-in clears the account's key and gives its attempt back to
 * the IP's key (so the counts are failures plus checks in flight).
 *
 * Progressive lock-out: when a window's attempts are used up by failures the
 * key is locked for LOGIN_WINDOW_MINUTES × 2^(earlier lock-outs), at most
 * LOGIN_MAX_LOCK_MINUTES; attempts during a lock are refused without changing
 * it (nobody can renew a lock by hammering it), and the lock-out count is
 * forgotten after a quiet day. An administrator can unlock an account.
 */
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export const accountKey = (username: string) => `acct:${username.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** The latest lock expiry among `keys`, or null when none is locked. */
export async function lockedUntil(keys: string[]): Promise<Date | null> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: new Date() } } });
  if (rows.length === 0) return null;
  return new Date(Math.max(...rows.map((r) => r.lockedUntil!.getTime())));
}

/**
 * Count one attempt against `key` and say whether it may be checked.
 * @param max attempts allowed per window
 * @returns allowed = false when the key is locked or this attempt is past `max`
 */
export async function reserveAttempt(key: string, max: number): Promise<{ allowed: boolean; attempt: number; lockedUntil: Date | null }> {
  const windowMinutes = env().LOGIN_WINDOW_MINUTES;
  const rows = await db().$queryRaw<{ failures: number; lockedUntil: Date | null }[]>`
    INSERT INTO "LoginThrottle" AS t (key, failures, "windowStart", "lockedUntil", "lockCount")
    VALUES (${key}, 1, now(), NULL, 0)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE
        WHEN t."lockedUntil" > now() THEN t.failures
        WHEN t."lockedUntil" IS NOT NULL OR t."windowStart" < now() - make_interval(mins => ${windowMinutes}::int) THEN 1
        ELSE t.failures + 1 END,
      "windowStart" = CASE
        WHEN t."lockedUntil" > now() THEN t."windowStart"
        WHEN t."lockedUntil" IS NOT NULL OR t."windowStart" < now() - make_interval(mins => ${windowMinutes}::int) THEN now()
        ELSE t."windowStart" END,
      "lockCount" = CASE
        WHEN (t."lockedUntil" IS NULL OR t."lockedUntil" <= now()) AND t."windowStart" < now() - interval '24 hours' THEN 0
        ELSE t."lockCount" END,
      "lockedUntil" = CASE WHEN t."lockedUntil" > now() THEN t."lockedUntil" ELSE NULL END
    RETURNING failures, "lockedUntil"`;
  const row = rows[0]!;
  const locked = row.lockedUntil !== null && row.lockedUntil.getTime() > Date.now();
  return { allowed: !locked && row.failures <= max, attempt: row.failures, lockedUntil: locked ? row.lockedUntil : null };
}

/**
 * After a failed password check: lock `key` when its window's `max` attempts are used up.
 * @returns the lock's expiry when THIS call locked it (so the owner is told once), else null
 */
export async function recordFailure(key: string, max: number): Promise<Date | null> {
  const e = env();
  const rows = await db().$queryRaw<{ lockedUntil: Date }[]>`
    UPDATE "LoginThrottle" SET
      "lockedUntil" = now() + make_interval(mins => LEAST(${e.LOGIN_MAX_LOCK_MINUTES}::int, ${e.LOGIN_WINDOW_MINUTES}::int * power(2, LEAST("lockCount", 20))::int)),
      "lockCount" = "lockCount" + 1
    WHERE key = ${key} AND failures >= ${max}::int AND ("lockedUntil" IS NULL OR "lockedUntil" <= now())
    RETURNING "lockedUntil"`;
  return rows[0]?.lockedUntil ?? null;
}

/**
 * Give back the attempt a successful sign-in reserved on `key` (the per-IP key:
 * colleagues behind one address who sign in correctly never use up its limit).
 */
export async function releaseAttempt(key: string): Promise<void> {
  await db().$executeRaw`UPDATE "LoginThrottle" SET failures = GREATEST(failures - 1, 0) WHERE key = ${key} AND "lockedUntil" IS NULL`;
}

/** A successful sign-in, an administrator's unlock or password reset clears the account's counter. */
export async function clearAccount(username: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: accountKey(username) } });
}
