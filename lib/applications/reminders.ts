/**
 * Deadline reminders (art. 18 review steps; art. 6 rectification deadlines).
 * Run by the "application-deadline-reminders" job (lib/jobs) every few minutes:
 * - an application whose current review stage passed its deadline (ReviewDeadline,
 *   days per stage) → the stage's reviewers get one "applicationOverdue" reminder
 *   per stage entry;
 * - an OPEN measure past its due date (an 意见书 whose rectification deadline
 *   passed, 第六条) → its owner gets one "measureOverdue" reminder.
 * Each overdue stage entry and each overdue measure is reminded exactly once:
 * the sweep marks the row itself (Application.stageRemindedAt, reset whenever
 * the application changes stage; ProtectiveMeasure.remindedAt), also when nobody holds
 * the stage's role (then it is marked and logged, never re-scanned). The check
 * and the marking run under one advisory lock, so repeated or concurrent runs
 * never remind twice.
 */
import { mutate, systemContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { createNotifications, deliver, type NewNotification } from "@/lib/notifications/service";
import type { OutgoingMessage } from "@/lib/notifications/sender";
import { defaultLocaleText } from "@/lib/notifications/text";
import { stageReviewers } from "./commands";
import { isoDate, todayInChina } from "@/lib/dates";

const REMINDER_LOCK_KEY = 727_101; // pg_advisory_xact_lock key of the reminder sweep
const BATCH = 200;

/**
 * Send every reminder that is due at `now` and not yet sent, and mark the
 * reminded applications and measures by id.
 * @returns how many applications and measures were reminded about (including those
 *   marked without recipients; `unattended` lists the applications whose stage has none)
 */
export async function sendDeadlineReminders(now: Date = new Date()): Promise<{ applications: number; measures: number; unattended: number[] }> {
  const t = defaultLocaleText("applications");
  const today = todayInChina(now);
  let outbox: OutgoingMessage[] = [];
  const counts = await mutate(systemContext(`reminders-${now.toISOString()}`), async (tx, record) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REMINDER_LOCK_KEY})`;
    const applications = await tx.application.findMany({
      where: { status: "IN_REVIEW", stageDueAt: { lt: now }, stageRemindedAt: null },
      include: { organization: { select: { path: true } }, reportingOrg: { select: { path: true } } },
      orderBy: { stageDueAt: "asc" },
      take: BATCH,
    });
    const measures = await tx.protectiveMeasure.findMany({
      where: { status: "OPEN", dueOn: { lt: today }, remindedAt: null },
      include: { application: { select: { number: true } } },
      orderBy: { dueOn: "asc" },
      take: BATCH,
    });

    const items: NewNotification[] = [];
    const unattended: number[] = [];
    for (const app of applications) {
      if (!app.stage) continue;
      const reviewers = await stageReviewers(tx, { ...app, stage: app.stage });
      if (reviewers.length === 0) unattended.push(app.id);
      items.push({
        userIds: reviewers,
        kind: "applicationOverdue",
        values: { number: app.number, stage: t(`stage.${app.stage}`), due: app.stageDueAt ? isoDate(app.stageDueAt) : "-" },
        link: `/applications/${app.id}`,
        applicationId: app.id,
      });
    }
    for (const m of measures) {
      items.push({
        userIds: [m.ownerId],
        kind: "measureOverdue",
        values: { number: m.application.number, measure: t(`measures.kinds.${m.kind}`), due: m.dueOn ? isoDate(m.dueOn) : "-" },
        link: `/applications/${m.applicationId}#measure-${m.id}`,
        applicationId: m.applicationId,
      });
    }
    outbox = await createNotifications(tx, record, items);
    // Marked by id — also a stage nobody can act on, so it is not re-scanned on every run.
    // stageDueAt in the WHERE: an application that moved on meanwhile keeps its new stage's reminder.
    for (const app of applications) {
      await tx.application.updateMany({ where: { id: app.id, stageRemindedAt: null, stageDueAt: app.stageDueAt }, data: { stageRemindedAt: now } });
    }
    if (measures.length) await tx.protectiveMeasure.updateMany({ where: { id: { in: measures.map((m) => m.id) }, remindedAt: null }, data: { remindedAt: now } });
    if (unattended.length) logger().warn({ applicationIds: unattended }, "overdue applications whose stage has no reviewer");
    // A sweep that found nothing still leaves its trace (mutate requires one entry).
    record({
      action: "reminders.sweep",
      entityType: "Job",
      entityId: "application-deadline-reminders",
      after: { applications: applications.map((a) => a.id), measures: measures.map((m) => m.id), unattended, at: now },
    });
    return { applications: applications.length, measures: measures.length, unattended };
  });
  await deliver(outbox);
  return counts;
}

/** True when any reminder is due (lets the job skip an empty sweep without writing an audit row). */
export async function remindersDue(now: Date = new Date()): Promise<boolean> {
  const [overdueApplication, overdueMeasure] = await Promise.all([
    db().application.findFirst({ where: { status: "IN_REVIEW", stageDueAt: { lt: now }, stageRemindedAt: null }, select: { id: true } }),
    db().protectiveMeasure.findFirst({ where: { status: "OPEN", dueOn: { lt: todayInChina(now) }, remindedAt: null }, select: { id: true } }),
  ]);
  return overdueApplication !== null || overdueMeasure !== null;
}
