/**
 * Deadline reminders (art. 18 review steps; art. 6 rectification deadlines).
 * Run by the "case-deadline-reminders" job (lib/jobs) every few minutes:
 * - a case whose current review stage passed its deadline (ReviewDeadline,
 *   days per stage) → the stage's reviewers get one "caseOverdue" reminder
 *   per stage entry;
 * - an OPEN measure past its due date (an 意见书 whose rectification deadline
 *   passed, 第六条) → its owner gets one "measureOverdue" reminder.
 * Each run only adds what is missing, so repeated or concurrent runs never
 * remind twice (the check and the insert run under one advisory lock).
 */
import { mutate, systemContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { createNotifications, deliver, type NewNotification } from "@/lib/notifications/service";
import type { OutgoingMessage } from "@/lib/notifications/sender";
import { defaultLocaleText } from "@/lib/notifications/text";
import { stageReviewers } from "./commands";
import { isoDate, todayInChina } from "@/lib/dates";

const REMINDER_LOCK_KEY = 727_101; // pg_advisory_xact_lock key of the reminder sweep
const BATCH = 200;

/**
 * Send every reminder that is due at `now` and not yet sent.
 * @returns how many cases and measures were reminded about
 */
export async function sendDeadlineReminders(now: Date = new Date()): Promise<{ cases: number; measures: number }> {
  const t = defaultLocaleText("cases");
  const today = todayInChina(now);
  let outbox: OutgoingMessage[] = [];
  const counts = await mutate(systemContext(`reminders-${now.toISOString()}`), async (tx, record) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REMINDER_LOCK_KEY})`;
    const overdueCases = await tx.$queryRaw<{ id: number }[]>`
      SELECT a.id FROM "Application" a
      WHERE a.status = 'IN_REVIEW' AND a."stageDueAt" < ${now}
        AND NOT EXISTS (
          SELECT 1 FROM "Notification" n
          WHERE n."applicationId" = a.id AND n.kind = 'caseOverdue' AND n."createdAt" >= a."stageEnteredAt")
      ORDER BY a."stageDueAt" LIMIT ${BATCH}`;
    const overdueMeasures = await tx.$queryRaw<{ id: number }[]>`
      SELECT m.id FROM "ProtectiveMeasure" m
      WHERE m.status = 'OPEN' AND m."dueOn" < ${today}
        AND NOT EXISTS (
          SELECT 1 FROM "Notification" n
          WHERE n.kind = 'measureOverdue' AND n.link = '/cases/' || m."applicationId" || '#measure-' || m.id)
      ORDER BY m."dueOn" LIMIT ${BATCH}`;

    const items: NewNotification[] = [];
    const cases = await tx.application.findMany({
      where: { id: { in: overdueCases.map((c) => c.id) } },
      include: { organization: { select: { path: true } }, reportingOrg: { select: { path: true } } },
    });
    for (const app of cases) {
      if (!app.stage) continue;
      const reviewers = await stageReviewers(tx, { ...app, stage: app.stage });
      items.push({
        userIds: reviewers,
        kind: "caseOverdue",
        values: { number: app.number, stage: t(`stage.${app.stage}`), due: app.stageDueAt ? isoDate(app.stageDueAt) : "-" },
        link: `/cases/${app.id}`,
        applicationId: app.id,
      });
    }
    const measures = await tx.protectiveMeasure.findMany({
      where: { id: { in: overdueMeasures.map((m) => m.id) } },
      include: { application: { select: { number: true } } },
    });
    for (const m of measures) {
      items.push({
        userIds: [m.ownerId],
        kind: "measureOverdue",
        values: { number: m.application.number, measure: t(`measures.kinds.${m.kind}`), due: m.dueOn ? isoDate(m.dueOn) : "-" },
        link: `/cases/${m.applicationId}#measure-${m.id}`,
        applicationId: m.applicationId,
      });
    }
    outbox = await createNotifications(tx, record, items);
    // A sweep that found nothing still leaves its trace (mutate requires one entry).
    record({ action: "reminders.sweep", entityType: "Job", entityId: "case-deadline-reminders", after: { cases: cases.length, measures: measures.length, at: now } });
    return { cases: cases.length, measures: measures.length };
  });
  await deliver(outbox);
  return counts;
}

/** True when any reminder is due (lets the job skip an empty sweep without writing an audit row). */
export async function remindersDue(now: Date = new Date()): Promise<boolean> {
  const [row] = await db().$queryRaw<{ due: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "Application" a WHERE a.status = 'IN_REVIEW' AND a."stageDueAt" < ${now}
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."applicationId" = a.id AND n.kind = 'caseOverdue' AND n."createdAt" >= a."stageEnteredAt")
    ) OR EXISTS (
      SELECT 1 FROM "ProtectiveMeasure" m WHERE m.status = 'OPEN' AND m."dueOn" < ${todayInChina(now)}
        AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n.kind = 'measureOverdue' AND n.link = '/cases/' || m."applicationId" || '#measure-' || m.id)
    ) AS due`;
  return row?.due ?? false;
}
