/**
 * User administration: create, enable/disable, reset password, change own password.
 * Every change is audited (password hashes never appear in the audit rows).
 */
import type { Actor } from "@/lib/authz/types";
import { scopeWhere } from "@/lib/authz/scope";
import { db } from "@/lib/db";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { clearAccount } from "@/lib/auth/throttle";
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
    record({ action: "user.resetPassword", entityType: "User", entityId: userId, before, after });
    return { id: userId, username: after.username };
  });
  await clearAccount(result.username);
  return { id: result.id };
}

/** The signed-in user changes their own password. @throws DomainError user.wrongPassword */
export async function changeOwnPassword(ctx: RequestContext, current: string, next: string) {
  const userId = ctx.actor!.id;
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user) throw new NotFoundError();
  if (!(await verifyPassword(user.passwordHash, current))) throw new DomainError("user.wrongPassword");
  const passwordHash = await hashPassword(next);
  return mutate(ctx, async (tx, record) => {
    // Other sessions of this user end; this one too (the user signs in again with the new password).
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } } });
    record({ action: "user.changePassword", entityType: "User", entityId: userId, before: { mustChangePassword: user.mustChangePassword }, after: { mustChangePassword: false } });
    return { id: userId };
  });
}
