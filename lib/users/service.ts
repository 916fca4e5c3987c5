/**
 * User administration: create, enable/disable, reset password, change own password.
 * Every change is audited (password hashes never appear in the audit rows).
 */
import type { Actor } from "@/lib/authz/types";
import { scopeWhere } from "@/lib/authz/scope";
import { db } from "@/lib/db";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { accountKey, clearAccount, lockedUntil, recordFailure, reserveAttempt } from "@/lib/auth/throttle";
import { env } from "@/lib/env";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { Resource } from "@/lib/authz/types";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { CadrePosition, Role } from "@/lib/generated/prisma/enums";

const PUBLIC_FIELDS = {
  id: true,
  username: true,
  displayName: true,
  organizationId: true,
  roles: true,
  position: true,
  fullTime: true,
  phone: true,
  email: true,
  disabled: true,
  mustChangePassword: true,
} as const;

/** Authorization resource of a user (their organisation's path). @throws NotFoundError */
export async function userResource(id: number): Promise<Resource> {
  const user = await db().user.findUnique({ where: { id }, select: { id: true, organization: { select: { path: true } } } });
  if (!user) throw new NotFoundError();
  return { type: "user", id: user.id, orgPath: user.organization.path };
}

/** Users the actor may see (the gate's user.view list scope: their subtree), with their organisation. */
export function listUsers(actor: Actor, query?: string) {
  const q = query?.trim();
  return db().user.findMany({
    where: {
      ...scopeWhere(actor, "user.view"),
      ...(q ? { OR: [{ username: { contains: q, mode: "insensitive" } }, { displayName: { contains: q } }] } : {}),
    },
    select: { ...PUBLIC_FIELDS, lastLoginAt: true, isDemo: true, organization: { select: { id: true, name: true } } },
    orderBy: [{ organizationId: "asc" }, { id: "asc" }],
    take: 500,
  });
}

export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  organizationId: number;
  roles: Role[];
  position?: CadrePosition | null;
  fullTime: boolean;
  phone?: string | null;
  email?: string | null;
  isDemo?: boolean;
};

/** Create a user. @throws DomainError user.usernameTaken (409) */
export async function createUser(ctx: RequestContext, input: NewUser) {
  const username = input.username.toLowerCase();
  if (await db().user.findUnique({ where: { username }, select: { id: true } })) {
    throw new DomainError("user.usernameTaken", { username }, 409);
  }
  const { password, ...fields } = input;
  const passwordHash = await hashPassword(password);
  return mutate(ctx, async (tx, record) => {
    const user = await tx.user.create({
      data: { ...fields, username, passwordHash, mustChangePassword: !input.isDemo },
      select: PUBLIC_FIELDS,
    });
    record({ action: "user.create", entityType: "User", entityId: user.id, after: user });
    return { id: user.id };
  });
}

/** Disable or re-enable a user. @throws DomainError user.selfDisable */
export async function setUserDisabled(ctx: RequestContext, userId: number, disabled: boolean) {
  if (ctx.actor?.id === userId && disabled) throw new DomainError("user.selfDisable");
  return mutate(ctx, async (tx, record) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: PUBLIC_FIELDS });
    if (!before) throw new NotFoundError();
    // Disabling also ends every open session of the user (sessionVersion).
    const after = await tx.user.update({
      where: { id: userId },
      data: { disabled, ...(disabled ? { sessionVersion: { increment: 1 } } : {}) },
      select: PUBLIC_FIELDS,
    });
    if (disabled) await revokeUserSessions(tx, userId);
    record({ action: disabled ? "user.disable" : "user.enable", entityType: "User", entityId: userId, before, after });
    return { id: userId };
  });
}

/** Administrator sets a temporary password; the user must change it at next sign-in. */
export async function resetPassword(ctx: RequestContext, userId: number, newPassword: string) {
  const passwordHash = await hashPassword(newPassword);
  const result = await mutate(ctx, async (tx, record) => {
    const before = await tx.user.findUnique({ where: { id: userId }, select: PUBLIC_FIELDS });
    if (!before) throw new NotFoundError();
    const after = await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true, sessionVersion: { increment: 1 } }, select: PUBLIC_FIELDS });
    await revokeUserSessions(tx, userId);
    record({ action: "user.resetPassword", entityType: "User", entityId: userId, before, after });
    return { id: userId, username: after.username };
  });
  await clearAccount(result.username);
  return { id: result.id };
}

/** Throttle key of the change-password form's current-password check (per user). */
export const passwordCheckKey = (userId: number) => `pwchange:${userId}`;

/**
 * The signed-in user changes their own password. The current-password check is
 * throttled like a sign-in (LOGIN_MAX_FAILURES_ACCOUNT per window, progressive
 * lock-out), so a stolen session cannot be used to guess the password. Every
 * other session of the user ends; the one making the change (`keepSessionId`) stays.
 * @returns wasTemporary = the old password was an initial/administrator-set one
 * @throws DomainError user.wrongPassword (422), user.passwordThrottled (429)
 */
export async function changeOwnPassword(ctx: RequestContext, current: string, next: string, keepSessionId: string | null = null) {
  const userId = ctx.actor!.id;
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError();
  const key = passwordCheckKey(userId);
  const max = env().LOGIN_MAX_FAILURES_ACCOUNT;
  const attempt = await reserveAttempt(key, max);
  if (!attempt.allowed) throw new DomainError("user.passwordThrottled", { minutes: env().LOGIN_WINDOW_MINUTES }, 429);
  if (!(await verifyPassword(user.passwordHash, current))) {
    await recordFailure(key, max);
    throw new DomainError("user.wrongPassword");
  }
  await db().loginThrottle.deleteMany({ where: { key } });
  const passwordHash = await hashPassword(next);
  return mutate(ctx, async (tx, record) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false } });
    const ended = await revokeUserSessions(tx, userId, keepSessionId);
    record({
      action: "user.changePassword",
      entityType: "User",
      entityId: userId,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, otherSessionsEnded: ended },
    });
    return { id: userId, wasTemporary: user.mustChangePassword };
  });
}

/** Usernames among `usernames` whose sign-in is currently locked (throttling). */
export async function lockedUsernames(usernames: string[]): Promise<Set<string>> {
  const rows = await db().loginThrottle.findMany({ where: { key: { in: usernames.map(accountKey) }, lockedUntil: { gt: new Date() } }, select: { key: true } });
  return new Set(rows.map((r) => r.key.slice("acct:".length)));
}

/**
 * Administrator lifts a sign-in lock-out of `userId` (issue 10.2), audited.
 * @returns whether a lock was lifted
 */
export async function unlockUser(ctx: RequestContext, userId: number) {
  const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, username: true } });
  if (!user) throw new NotFoundError();
  const until = await lockedUntil([accountKey(user.username)]);
  await mutate(ctx, async (tx, record) => {
    await tx.loginThrottle.deleteMany({ where: { key: accountKey(user.username) } });
    record({ action: "user.unlock", entityType: "User", entityId: userId, before: { lockedUntil: until }, after: { lockedUntil: null } });
  });
  return { id: userId, wasLocked: until !== null };
}
