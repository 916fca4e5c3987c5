/**
 * Protective measures (art. 6–10) on an application against PostgreSQL: who may record
 * them, the art. 7 calculator stored with the details, closing with the
 * outcome once, and the art. 6 letter flagged overdue in the queue.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { day } from "@/lib/dates";
import { addMeasure, closeMeasure } from "@/lib/applications/measure-service";
import { newMeasureSchema } from "@/lib/applications/measures";
import { reviewQueue } from "@/lib/applications/queries";
import { db } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/errors";
import { ctxOf } from "../helpers/fixtures";
import { advanceTo, applicationWorld, submitted, type ApplicationWorld } from "./applications-fixtures";

let w: ApplicationWorld;
let applicationId = 0;
beforeAll(async () => {
  w = await applicationWorld();
  applicationId = await submitted(w);
  await advanceTo(w, applicationId, "DISTRICT");
});

const letter = (overrides: Record<string, string> = {}) =>
  newMeasureSchema.parse({
    applicationId: String(applicationId),
    kind: "ART6_OPINION_LETTER",
    startedOn: "2026-10-01",
    dueOn: "2026-10-31",
    letterNumber: "测工保意〔2026〕3号",
    unitName: "测试单位",
    violation: "未经程序免去工会主席职务。",
    requirement: "恢复职务。",
    ...overrides,
  });

describe("protective measures", () => {
  it("lets the application's district record an art. 6 letter and flags it overdue in the queue", async () => {
    const { id } = await addMeasure(ctxOf(w.actors.district), letter());
    const row = await db().protectiveMeasure.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ kind: "ART6_OPINION_LETTER", status: "OPEN", ownerId: w.users.district.id, ownerOrgId: w.tree.district.id, dueOn: day("2026-10-31") });
    expect(row.details).toEqual({ letterNumber: "测工保意〔2026〕3号", unitName: "测试单位", violation: "未经程序免去工会主席职务。", requirement: "恢复职务。" });
    const queue = await reviewQueue(w.actors.district, { view: "mine", sort: "due", page: 1 }, new Date("2026-11-05T00:00:00Z"));
    expect(queue.rows.find((r) => r.id === applicationId)?.overdueLetters).toBe(1);
    const before = await reviewQueue(w.actors.district, { view: "mine", sort: "due", page: 1 }, new Date("2026-10-20T00:00:00Z"));
    expect(before.rows.find((r) => r.id === applicationId)?.overdueLetters).toBe(0);
  });

  it("refuses measures from outside the subtree, from the applicant's own union, and a deadline before the start", async () => {
    await expect(addMeasure(ctxOf(w.actors.otherDistrict), letter())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addMeasure(ctxOf(w.actors.grassroots), letter())).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addMeasure(ctxOf(w.actors.district), letter({ dueOn: "2026-09-01" }))).rejects.toMatchObject({ code: "application.dueBeforeStart" });
  });

  it("stores the art. 7 compensation of twice the annual income", async () => {
    const input = newMeasureSchema.parse({ applicationId: String(applicationId), kind: "ART7_LABOUR_AUTHORITY", startedOn: "2026-11-01", authority: "大连市人力资源和社会保障局", remedy: "COMPENSATION", annualIncome: "72000.50" });
    const { id } = await addMeasure(ctxOf(w.actors.office), input);
    expect((await db().protectiveMeasure.findUniqueOrThrow({ where: { id } })).details).toMatchObject({ annualIncome: "72000.50", compensation: "144001.00" });
  });

  it("keeps the note given when the measure was recorded after it is closed with its outcome", async () => {
    const { id } = await addMeasure(ctxOf(w.actors.district), letter({ letterNumber: "测工保意〔2026〕5号", note: "已电话告知单位负责人。" }));
    expect(await db().protectiveMeasure.findUniqueOrThrow({ where: { id } })).toMatchObject({ note: "已电话告知单位负责人。", outcome: null });
    await closeMeasure(ctxOf(w.actors.district), { measureId: id, version: 0, status: "DONE", completedOn: day("2026-11-10"), outcome: "单位已恢复其职务。" });
    expect(await db().protectiveMeasure.findUniqueOrThrow({ where: { id } })).toMatchObject({ note: "已电话告知单位负责人。", outcome: "单位已恢复其职务。" });
  });

  it("closes a measure once with its outcome; a stale or repeated close is refused", async () => {
    const { id } = await addMeasure(ctxOf(w.actors.district), letter({ letterNumber: "测工保意〔2026〕4号" }));
    await expect(closeMeasure(ctxOf(w.actors.district), { measureId: id, version: 0, status: "DONE", completedOn: day("2026-09-01"), outcome: "x" })).rejects.toMatchObject({
      code: "application.completedBeforeStart",
    });
    await expect(closeMeasure(ctxOf(w.actors.district), { measureId: id, version: 5, status: "DONE", completedOn: day("2026-11-10"), outcome: "x" })).rejects.toBeInstanceOf(ConflictError);
    await closeMeasure(ctxOf(w.actors.district), { measureId: id, version: 0, status: "DONE", completedOn: day("2026-11-10"), outcome: "单位已撤销免职决定。" });
    expect(await db().protectiveMeasure.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "DONE", outcome: "单位已撤销免职决定。", version: 1 });
    const again = closeMeasure(ctxOf(w.actors.district), { measureId: id, version: 1, status: "CANCELLED", completedOn: day("2026-11-11"), outcome: "y" });
    await expect(again).rejects.toBeInstanceOf(DomainError);
    await expect(again).rejects.toMatchObject({ code: "application.measureClosed" });
  });
});
