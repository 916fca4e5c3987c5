/**
 * Notifications to many recipients, against PostgreSQL: a step that reaches a
 * stage with a dozen or more reviewers (and its deadline reminder) commits,
 * with one audit row per batch whose entityId fits AuditLog.entityId
 * (VarChar(60)) and whose `after` lists every notification id.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sendDeadlineReminders } from "@/lib/applications/reminders";
import { db } from "@/lib/db";
import { createUser } from "../helpers/fixtures";
import { advanceTo, applicationWorld, submitted, type ApplicationWorld } from "./applications-fixtures";

const EXTRA_OFFICE_USERS = 18; // + the world's two: 20 recipients, ids joined with "," ≈ 100 characters

let w: ApplicationWorld;
let officeIds: number[] = [];
beforeAll(async () => {
  w = await applicationWorld();
  for (let i = 0; i < EXTRA_OFFICE_USERS; i++) await createUser(w.tree.city.id, ["LEADING_GROUP_OFFICE"]);
  officeIds = (await db().user.findMany({ where: { organizationId: w.tree.city.id, roles: { has: "LEADING_GROUP_OFFICE" } }, select: { id: true } })).map((u) => u.id);
});

type AfterOfBatch = { kind: string; userIds: number[]; notificationIds: number[]; applicationId: number };

describe("notifications to many recipients", () => {
  it("forwards an application to an office of 20 people and audits the batch under one id", async () => {
    expect(officeIds.length).toBe(EXTRA_OFFICE_USERS + 2);
    const id = await submitted(w);
    await advanceTo(w, id, "OFFICE"); // the district's forward notifies every office user (applicationQueued)
    const queued = await db().notification.findMany({ where: { applicationId: id, kind: "applicationQueued", userId: { in: officeIds } }, orderBy: { id: "asc" } });
    expect(queued.length).toBe(officeIds.length);

    const audit = await db().auditLog.findMany({ where: { action: "notification.create", after: { path: ["applicationId"], equals: id } } });
    const batch = audit.find((a) => (a.after as AfterOfBatch).kind === "applicationQueued" && (a.after as AfterOfBatch).userIds.length === officeIds.length);
    expect(batch).toBeDefined();
    expect(batch!.entityType).toBe("Notification");
    expect(batch!.entityId).toBe(String(queued[0]!.id));
    expect((batch!.after as AfterOfBatch).notificationIds).toEqual(queued.map((n) => n.id));
  });

  it("reminds an office of 20 people about an overdue step (deadline reminders)", async () => {
    const id = await submitted(w);
    await advanceTo(w, id, "OFFICE");
    await db().application.update({ where: { id }, data: { stageDueAt: new Date(Date.now() - 3_600_000) } });
    await sendDeadlineReminders();
    const reminders = await db().notification.findMany({ where: { applicationId: id, kind: "applicationOverdue" } });
    expect(new Set(reminders.map((n) => n.userId))).toEqual(new Set(officeIds));
    const audited = await db().auditLog.findFirst({ where: { action: "notification.create", entityId: String(Math.min(...reminders.map((n) => n.id))) } });
    expect((audited!.after as AfterOfBatch).notificationIds.length).toBe(officeIds.length);
  });
});
