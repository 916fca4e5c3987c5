/**
 * Deadline reminders (art. 18 review steps, art. 6 rectification deadlines) and
 * the pg-boss job that runs them, against PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addMeasure } from "@/lib/applications/measure-service";
import { newMeasureSchema } from "@/lib/applications/measures";
import { remindersDue, sendDeadlineReminders } from "@/lib/applications/reminders";
import { db } from "@/lib/db";
import { startJobs, stopJobs } from "@/lib/jobs";
import { installJobSchema } from "@/lib/jobs/install";
import { ctxOf } from "../helpers/fixtures";
import { advanceTo, applicationWorld, step, submitted, type ApplicationWorld } from "./applications-fixtures";

let w: ApplicationWorld;
let applicationId = 0;
beforeAll(async () => {
  w = await applicationWorld();
  applicationId = await submitted(w);
  await advanceTo(w, applicationId, "DISTRICT");
});

const remindersOf = (kind: string) =>
  db().notification.findMany({ where: { applicationId: applicationId, kind }, orderBy: { id: "asc" } });

/** Move the current stage's deadline into the past (as if the days had passed). */
const overdue = () => db().application.update({ where: { id: applicationId }, data: { stageDueAt: new Date(Date.now() - 3_600_000) } });

describe("deadline reminders", () => {
  it("reminds the stage's reviewers once when a review step passes its deadline", async () => {
    expect((await remindersOf("applicationOverdue")).length).toBe(0);
    await overdue();
    expect(await remindersDue()).toBe(true);
    await sendDeadlineReminders();
    const first = await remindersOf("applicationOverdue");
    expect(first.map((n) => n.userId)).toEqual([w.users.district.id]);
    expect(first[0]!.title).toMatch(/^逾期未办：/);
    expect(first[0]!.body).toContain("第十八条");

    await sendDeadlineReminders();
    expect((await remindersOf("applicationOverdue")).length).toBe(1);
  });

  it("reminds again when the next stage passes its own deadline", async () => {
    await step(w.actors.district, applicationId, { type: "FORWARD", stage: "DISTRICT" }, { verificationFindings: "经核实情况属实。", verifiedOn: new Date("2026-11-10T00:00:00Z") });
    await sendDeadlineReminders();
    expect((await remindersOf("applicationOverdue")).length).toBe(1);
    await overdue();
    await sendDeadlineReminders();
    const all = await remindersOf("applicationOverdue");
    expect(all.length).toBe(1 + 2); // the city's two office users
    expect(new Set(all.slice(1).map((n) => n.userId))).toEqual(new Set([w.users.office.id, w.users.office2.id]));
  });

  it("reminds the owner of an opinion letter whose rectification deadline passed (art. 6)", async () => {
    const { id } = await addMeasure(
      ctxOf(w.actors.office),
      newMeasureSchema.parse({
        applicationId: String(applicationId),
        kind: "ART6_OPINION_LETTER",
        startedOn: "2026-10-01",
        dueOn: "2026-10-31",
        letterNumber: "测工保意〔2026〕9号",
        unitName: "测试单位",
        violation: "未经程序免去工会主席职务。",
        requirement: "恢复职务。",
      }),
    );
    await sendDeadlineReminders(new Date("2026-11-21T04:00:00Z"));
    const notes = await db().notification.findMany({ where: { kind: "measureOverdue", link: `/applications/${applicationId}#measure-${id}` } });
    expect(notes.map((n) => n.userId)).toEqual([w.users.office.id]);
    expect(notes[0]!.body).toContain("2026-10-31");
    await sendDeadlineReminders(new Date("2026-11-21T04:00:00Z"));
    expect(await db().notification.count({ where: { kind: "measureOverdue", link: `/applications/${applicationId}#measure-${id}` } })).toBe(1);
  });

  it("reminds an overdue step nobody can act on exactly once: marked by id, not re-scanned", async () => {
    const lonely = await applicationWorld();
    await db().user.update({ where: { id: lonely.users.district.id }, data: { disabled: true } }); // the district has no reviewer now
    const id = await submitted(lonely);
    await advanceTo(lonely, id, "DISTRICT");
    await db().application.update({ where: { id }, data: { stageDueAt: new Date(Date.now() - 3_600_000) } });
    const first = await sendDeadlineReminders();
    expect(first.unattended).toContain(id);
    expect((await db().application.findUniqueOrThrow({ where: { id } })).stageRemindedAt).not.toBeNull();
    const second = await sendDeadlineReminders();
    expect(second.unattended).not.toContain(id);
    const sweeps = await db().auditLog.findMany({ where: { action: "reminders.sweep" }, orderBy: { id: "desc" }, take: 1 });
    expect((sweeps[0]!.after as { applications: number[] }).applications).not.toContain(id);
    expect(await db().notification.count({ where: { applicationId: id, kind: "applicationOverdue" } })).toBe(0);
  });

  it("reminds again when a returned application re-enters the same stage and passes its deadline once more", async () => {
    const again = await applicationWorld();
    const id = await submitted(again);
    await advanceTo(again, id, "DISTRICT");
    const late = () => db().application.update({ where: { id }, data: { stageDueAt: new Date(Date.now() - 3_600_000) } });
    await late();
    await sendDeadlineReminders();
    expect(await db().notification.count({ where: { applicationId: id, kind: "applicationOverdue" } })).toBe(1);
    await step(again.actors.district, id, { type: "RETURN", stage: "DISTRICT" }, { opinion: "请补充材料。" });
    await step(again.actors.cadre, id, { type: "RESUBMIT" }, { opinion: undefined });
    expect((await db().application.findUniqueOrThrow({ where: { id } })).stageRemindedAt).toBeNull();
    await late();
    await sendDeadlineReminders();
    await sendDeadlineReminders();
    expect(await db().notification.count({ where: { applicationId: id, kind: "applicationOverdue" } })).toBe(2);
  });

  it("keys a measure's reminder by the measure's id, not by the notification's link", async () => {
    const { id } = await addMeasure(
      ctxOf(w.actors.office),
      newMeasureSchema.parse({ applicationId: String(applicationId), kind: "ART9_REEMPLOYMENT", startedOn: "2026-10-01", dueOn: "2026-10-15", agency: "测试职业介绍所" }),
    );
    await sendDeadlineReminders(new Date("2026-11-21T04:00:00Z"));
    const sent = await db().notification.findMany({ where: { kind: "measureOverdue", link: `/applications/${applicationId}#measure-${id}` } });
    expect(sent.length).toBe(1);
    expect((await db().protectiveMeasure.findUniqueOrThrow({ where: { id } })).remindedAt).not.toBeNull();
    // The link is presentation (it may change); the reminder stays sent.
    await db().notification.update({ where: { id: sent[0]!.id }, data: { link: `/applications/${applicationId}?tab=measures#m${id}` } });
    await sendDeadlineReminders(new Date("2026-11-21T04:00:00Z"));
    expect(await db().notification.count({ where: { kind: "measureOverdue", applicationId: applicationId, body: { contains: "2026-10-15" } } })).toBe(1);
  });

  it("writes every reminder through the audit trail", async () => {
    const audited = await db().auditLog.count({ where: { action: "notification.create", after: { path: ["kind"], equals: "applicationOverdue" } } });
    expect(audited).toBeGreaterThanOrEqual(2);
  });
});

describe("background jobs (pg-boss on the same PostgreSQL)", () => {
  afterAll(() => stopJobs());

  it("starts the queue, schedules the job and runs it when a job is queued", async () => {
    let runs = 0;
    // A new queue is DDL: the owner installs it (lib/jobs/install.ts); the app role only uses it.
    await installJobSchema(process.env.MIGRATION_DATABASE_URL!, ["test-reminder-wiring"]);
    const boss = await startJobs([{ name: "test-reminder-wiring", cron: "0 3 * * *", run: async () => ++runs }]);
    const schedules = await boss.getSchedules();
    expect(schedules.map((s) => s.name)).toContain("test-reminder-wiring");
    await boss.send("test-reminder-wiring", {});
    const deadline = Date.now() + 20_000;
    while (runs === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect(runs).toBe(1);
  });
});
