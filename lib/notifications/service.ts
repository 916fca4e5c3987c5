/**
 * In-app notifications: written in the same transaction as the change that
 * causes them (so they exist exactly when the change committed), together with
 * their e-mail/SMS copy in the outbox (lib/notifications/outbox.ts), which is
 * sent right after the commit (`deliver`) or, after a crash, by a job.
 *
 * The text is rendered from the message catalogue (notifications.kinds.*) in
 * Simplified Chinese, the portal's default language, because it is also what
 * the e-mail/SMS sender forwards.
 */
import type { RecordAudit, RequestContext } from "@/lib/audit/writer";
import { mutate } from "@/lib/audit/writer";
import { db, type Tx } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { OrgType, Role } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { paginate, paged } from "@/lib/paging";
import { drainDeliveries } from "./outbox";
import type { OutgoingMessage } from "./sender";
import { defaultLocaleText } from "./text";

/** Kinds of notification; texts under notifications.kinds.<kind> in the catalogues. */
export type NotificationKind = "applicationQueued" | "applicationProgress" | "applicationReturned" | "applicationApproved" | "applicationRejected" | "applicationOverdue" | "measureOverdue" | "accountLocked" | "auditChainBroken";

export type NewNotification = {
  userIds: readonly number[];
  kind: NotificationKind;
  /** values for the catalogue's title/body placeholders */
  values: Record<string, string | number>;
  link?: string;
  applicationId?: number;
};


/** The rendered title and body of a notification (pure over the catalogue). */
function renderNotification(kind: NotificationKind, values: Record<string, string | number>): { title: string; body: string } {
  const t = defaultLocaleText("notifications.kinds");
  return { title: t(`${kind}.title`, values).slice(0, 200), body: t(`${kind}.body`, values).slice(0, 1000) };
}

/**
 * Create the in-app rows inside `tx` (one per distinct user) and audit them:
 * one audit row per item, keyed by its first notification id, listing all of
 * the item's notification ids and recipients in `after`.
 * @returns the messages to deliver after commit (pass them to `deliver`)
 */
export async function createNotifications(tx: Tx, record: RecordAudit, items: readonly NewNotification[]): Promise<OutgoingMessage[]> {
  const out: OutgoingMessage[] = [];
  for (const item of items) {
    const userIds = [...new Set(item.userIds)];
    if (userIds.length === 0) continue;
    const { title, body } = renderNotification(item.kind, item.values);
    const rows = await tx.notification.createManyAndReturn({
      data: userIds.map((userId) => ({ userId, kind: item.kind, title, body, link: item.link ?? null, applicationId: item.applicationId ?? null })),
      select: { id: true, userId: true, user: { select: { email: true, phone: true } } },
    });
    // The e-mail/SMS copies, queued in this same transaction (outbox): a crash after the commit loses none.
    await tx.notificationDelivery.createMany({ data: rows.map((r) => ({ notificationId: r.id })) });
    // One audit row per batch. Its entityId is one id (AuditLog.entityId is VarChar(60): a
    // comma-joined list overflowed it with ~10 recipients): the batch's first notification;
    // every notification id of the batch is in `after`.
    const notificationIds = rows.map((r) => r.id).sort((a, b) => a - b);
    record({
      action: "notification.create",
      entityType: "Notification",
      entityId: notificationIds[0]!,
      after: { kind: item.kind, title, userIds, notificationIds, applicationId: item.applicationId ?? null },
    });
    for (const row of rows) {
      out.push({ notificationId: row.id, userId: row.userId, email: row.user.email, phone: row.user.phone, kind: item.kind, title, body, link: item.link ?? null });
    }
  }
  return out;
}

/**
 * Send the e-mail/SMS copies of committed notifications now (their outbox
 * rows). Failures are logged and retried by the notification-deliveries job;
 * they never undo the change (the in-app row is the record).
 */
export async function deliver(messages: readonly OutgoingMessage[]): Promise<void> {
  try {
    await drainDeliveries({ notificationIds: messages.map((m) => m.notificationId) });
  } catch (error) {
    logger().warn({ err: error, notifications: messages.length }, "sending notification copies failed; the job retries them");
  }
}

/**
 * Users holding `role` in an organisation on `targetPath` (the organisation
 * itself or one of its ancestors) — the people whose queue an application reaches.
 * @param orgType only organisations of this type (e.g. the city federation for 18.3)
 */
export async function usersWithRoleAbove(client: Tx, role: Role, targetPath: string, excludeUserId?: number, orgType?: OrgType): Promise<number[]> {
  const ancestorPaths: string[] = [];
  const parts = targetPath.split("/").filter(Boolean);
  for (let i = 1; i <= parts.length; i++) ancestorPaths.push(`/${parts.slice(0, i).join("/")}/`);
  const users = await client.user.findMany({
    where: { roles: { has: role }, disabled: false, organization: { path: { in: ancestorPaths }, ...(orgType ? { type: orgType } : {}) }, ...(excludeUserId ? { id: { not: excludeUserId } } : {}) },
    select: { id: true },
  });
  return users.map((u) => u.id);
}

const PAGE_SIZE = 20;

/**
 * A page of the user's notifications, newest first, with the unread count.
 * @param page the requested page ("?page=" or a number); out of range or malformed → the nearest valid page
 */
export async function listNotifications(userId: number, page: unknown = 1) {
  const [total, unread] = await Promise.all([db().notification.count({ where: { userId } }), unreadCount(userId)]);
  const window = paginate(total, PAGE_SIZE, page);
  const rows = await db().notification.findMany({ where: { userId }, orderBy: { id: "desc" }, skip: window.offset, take: window.perPage });
  return { ...paged(window, rows), unread };
}

/** Unread notifications of a user (the header badge). */
export function unreadCount(userId: number): Promise<number> {
  return db().notification.count({ where: { userId, readAt: null } });
}

/**
 * Mark one of the user's notifications read (audited).
 * @throws NotFoundError when it is not theirs
 */
export async function markRead(ctx: RequestContext, userId: number, notificationId: number) {
  return mutate(ctx, async (tx, record) => {
    const updated = await tx.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
    if (updated.count === 0 && !(await tx.notification.findFirst({ where: { id: notificationId, userId }, select: { id: true } }))) throw new NotFoundError();
    record({ action: "notification.read", entityType: "Notification", entityId: notificationId, after: { readAt: updated.count > 0 } });
    return { id: notificationId };
  });
}

/** Mark all of the user's notifications read (audited). */
export async function markAllRead(ctx: RequestContext, userId: number) {
  return mutate(ctx, async (tx, record) => {
    const updated = await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
    record({ action: "notification.readAll", entityType: "User", entityId: userId, after: { marked: updated.count } });
    return { marked: updated.count };
  });
}
