/**
 * The e-mail/SMS outbox. `createNotifications` writes one NotificationDelivery
 * row per in-app notification in the same transaction, so a copy exists
 * exactly when the change committed; `drainDeliveries` sends pending copies —
 * right after the commit (`deliver`) and every minute from the
 * notification-deliveries job, which picks up whatever a crash or a failed
 * gateway left behind.
 *
 * Delivery is at least once: rows are claimed with FOR UPDATE SKIP LOCKED (two
 * instances never send the same copy at the same time) and marked SENT in the
 * claiming transaction; a process killed after the gateway accepted a message
 * but before that commit sends it again later. Failures back off
 * (1, 2, 4 … minutes) and give up after MAX_ATTEMPTS (status FAILED, lastError kept).
 */
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { notificationSender, type OutgoingMessage } from "./sender";

export const MAX_ATTEMPTS = 8;
const BATCH = 50;

/**
 * Send pending copies (all due ones, or only those of `notificationIds`).
 * @returns how many were sent and how many failed in this run
 */
export async function drainDeliveries(options: { notificationIds?: readonly number[]; now?: Date } = {}): Promise<{ sent: number; failed: number }> {
  const sender = notificationSender();
  const ids = options.notificationIds ? [...options.notificationIds] : null;
  if (ids && ids.length === 0) return { sent: 0, failed: 0 };
  let sent = 0;
  let failed = 0;
  for (;;) {
    const now = options.now ?? new Date();
    const batch = await db().$transaction(
      async (tx) => {
        const claimed = ids
          ? await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "NotificationDelivery" WHERE status = 'PENDING' AND "notificationId" = ANY(${ids}) ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`
          : await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "NotificationDelivery" WHERE status = 'PENDING' AND "nextAttemptAt" <= ${now} ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`;
        if (claimed.length === 0) return 0;
        const rows = await tx.notificationDelivery.findMany({
          where: { id: { in: claimed.map((c) => c.id) } },
          include: { notification: { include: { user: { select: { email: true, phone: true } } } } },
          orderBy: { id: "asc" },
        });
        for (const row of rows) {
          const n = row.notification;
          const message: OutgoingMessage = { notificationId: n.id, userId: n.userId, email: n.user.email, phone: n.user.phone, kind: n.kind, title: n.title, body: n.body, link: n.link };
          try {
            await sender.send(message);
            await tx.notificationDelivery.update({ where: { id: row.id }, data: { status: "SENT", sentAt: new Date(), attempts: row.attempts + 1, lastError: null } });
            sent++;
          } catch (error) {
            const attempts = row.attempts + 1;
            const lastError = (error instanceof Error ? error.message : String(error)).slice(0, 500);
            await tx.notificationDelivery.update({
              where: { id: row.id },
              data: { attempts, lastError, status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING", nextAttemptAt: new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)) },
            });
            failed++;
            logger().warn({ err: error, notificationId: n.id, sender: sender.name, attempts }, "notification delivery failed");
          }
        }
        return rows.length;
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    // A row that failed in this run waits for its back-off: a drain by id stops after one pass.
    if (batch < BATCH || ids) return { sent, failed };
  }
}
