/**
 * The credentials check behind the sign-in form (called by next-auth's
 * Credentials provider, lib/auth/config.ts), kept apart so it can be tested
 * without HTTP.
 *
 * Order: count the attempt (per IP, then per account, atomically —
 * lib/auth/throttle.ts) → only then verify the password (argon2id) → on
 * failure maybe lock the key and tell the account's owner → on success clear
 * the account's counter, open a server-side session and audit the sign-in.
 * A failure for a username that matches no account is logged WITHOUT the
 * typed name (it is often a password typed into the wrong field).
 */
import { mutate } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { createNotifications, deliver } from "@/lib/notifications/service";
import { verifyPassword } from "./password";
import { openSession } from "./sessions";
import { accountKey, clearAccount, ipKey, recordFailure, releaseAttempt, reserveAttempt } from "./throttle";

export type SignInOutcome =
  | { ok: true; user: { id: number; displayName: string; roles: import("@/lib/generated/prisma/enums").Role[]; organizationId: number; sessionVersion: number }; sessionId: string }
  | { ok: false; reason: "invalid" | "throttled" | "disabled" };

/**
 * Check a username and password.
 * @param ip the client address (lib/auth/client-ip.ts), null when unknown
 * @param deps.verify the password check (tests count its calls)
 */
export async function checkCredentials(
  input: { username: string; password: string },
  request: { ip: string | null; requestId: string },
  deps: { verify?: typeof verifyPassword } = {},
): Promise<SignInOutcome> {
  const e = env();
  const verify = deps.verify ?? verifyPassword;
  const username = input.username.trim().toLowerCase();
  const { ip } = request;
  const keys: { key: string; max: number }[] = [
    ...(ip ? [{ key: ipKey(ip), max: e.LOGIN_MAX_FAILURES_IP }] : []),
    { key: accountKey(username), max: e.LOGIN_MAX_FAILURES_ACCOUNT },
  ];
  const reserved: string[] = [];
  for (const { key, max } of keys) {
    const attempt = await reserveAttempt(key, max);
    if (!attempt.allowed) {
      // Nothing was checked: the address's reserved attempt is given back (a locked account costs its IP nothing).
      for (const k of reserved) await releaseAttempt(k);
      logger().warn({ key: key.startsWith("ip:") ? key : "account", ip }, "sign-in refused: throttled");
      return { ok: false, reason: "throttled" };
    }
    reserved.push(key);
  }
  const user = await db().user.findUnique({ where: { username } });
  const ok = await verify(user?.passwordHash ?? null, input.password);
  if (!ok || !user) {
    // Unknown name: not logged (it may be a password typed into the wrong field).
    logger().info(user ? { username, ip } : { ip, unknownAccount: true }, "sign-in failed");
    for (const { key, max } of keys) {
      const lockedUntilAt = await recordFailure(key, max);
      if (lockedUntilAt && user && key.startsWith("acct:")) await notifyLocked(user.id, lockedUntilAt, ip, request.requestId);
    }
    return { ok: false, reason: "invalid" };
  }
  if (user.disabled) return { ok: false, reason: "disabled" };
  await clearAccount(username);
  if (ip) await releaseAttempt(ipKey(ip));
  const now = new Date();
  const sessionId = await mutate({ actor: null, requestId: request.requestId }, async (tx, record) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
    const id = await openSession(user.id, ip, tx);
    record({ action: "auth.signIn", entityType: "User", entityId: user.id, before: null, after: { username, ip, at: now } });
    return id;
  });
  return { ok: true, user, sessionId };
}

/** Tell the owner their account was locked (in-app + e-mail/SMS copy), audited. */
async function notifyLocked(userId: number, until: Date, ip: string | null, requestId: string): Promise<void> {
  const untilText = until.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });
  const messages = await mutate({ actor: null, requestId }, async (tx, record) => {
    record({ action: "auth.locked", entityType: "User", entityId: userId, after: { until, ip } });
    return createNotifications(tx, record, [{ userIds: [userId], kind: "accountLocked", values: { until: untilText, ip: ip ?? "-" }, link: "/account" }]);
  });
  await deliver(messages);
}
