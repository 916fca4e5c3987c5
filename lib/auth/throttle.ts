/**
 * Failed sign-in throttling, stored in PostgreSQL (table LoginThrottle) so it
 * holds across processes and restarts. Keys: "acct:<username>" and
 * "ip:<address>". After LOGIN_MAX_FAILURES_* failures inside a window of
 * LOGIN_WINDOW_MINUTES the key is locked for one window.
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

/** Count one failure against `key` (atomic upsert); locks it at `max` failures. */
export async function recordFailure(key: string, max: number): Promise<void> {
  const windowMinutes = env().LOGIN_WINDOW_MINUTES;
  await db().$executeRaw`
    INSERT INTO "LoginThrottle" (key, failures, "windowStart", "lockedUntil")
    VALUES (${key}, 1, now(), CASE WHEN ${max}::int <= 1 THEN now() + make_interval(mins => ${windowMinutes}::int) END)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(mins => ${windowMinutes}::int)
                      THEN 1 ELSE "LoginThrottle".failures + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(mins => ${windowMinutes}::int)
                      THEN now() ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN "LoginThrottle"."windowStart" < now() - make_interval(mins => ${windowMinutes}::int)
                   THEN 1 ELSE "LoginThrottle".failures + 1 END) >= ${max}::int
        THEN now() + make_interval(mins => ${windowMinutes}::int)
        ELSE "LoginThrottle"."lockedUntil" END`;
}

export async function recordSignInFailure(username: string, ip: string | null): Promise<void> {
  const e = env();
  await recordFailure(accountKey(username), e.LOGIN_MAX_FAILURES_ACCOUNT);
  if (ip) await recordFailure(ipKey(ip), e.LOGIN_MAX_FAILURES_IP);
}

/** A successful sign-in (or an administrator's password reset) clears the account's counter. */
export async function clearAccount(username: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key: accountKey(username) } });
}
