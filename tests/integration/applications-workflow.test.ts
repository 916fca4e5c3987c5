/**
 * The art. 18 chain against PostgreSQL: every step as the proper role, steps
 * refused out of order or twice, concurrent decisions, subtree scope, the
 * chairperson's-meeting fast track, eligibility and amounts, payables.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { can } from "@/lib/authz";
import { createDraft, updateApplication } from "@/lib/applications/drafts";
import { runApplicationCommand } from "@/lib/applications/commands";
import { day } from "@/lib/dates";
import { recordReemployment } from "@/lib/applications/payables";
import { applicationResource } from "@/lib/applications/resource";
import { db } from "@/lib/db";
import { ConflictError, DomainError, ForbiddenError } from "@/lib/errors";
import { yuan } from "@/lib/money";
import { setNotificationSender, type NotificationSender, type OutgoingMessage } from "@/lib/notifications/sender";
import { actorOf, createUser, ctxOf } from "../helpers/fixtures";
import { APPLICATION_SOURCE } from "@/lib/applications/ledger-source";
import { advanceTo, art17Form, applicationWorld, form, step, submitted, type ApplicationWorld } from "./applications-fixtures";

/** The payables the ledger holds for application `id` (source type "application"). */
const ofApplication = (id: number) => ({ sourceType: APPLICATION_SOURCE, sourceId: id });
const payablesOf = (id: number) => db().payable.findMany({ where: ofApplication(id), orderBy: { instalmentNo: "asc" }, include: { fund: true } });

let w: ApplicationWorld;
const sent: OutgoingMessage[] = [];
const recorder: NotificationSender = { name: "test", send: async (m) => void sent.push(m) };

beforeAll(async () => {
  w = await applicationWorld();
});
afterEach(() => {
  setNotificationSender(null);
  sent.length = 0;
});

/** Everything a refused step must leave unchanged. */
async function footprint(id: number) {
  const app = await db().application.findUniqueOrThrow({ where: { id } });
  return {
    version: app.version,
    status: app.status,
    stage: app.stage,
    reviews: await db().reviewRecord.count({ where: { applicationId: id } }),
    audit: await db().auditLog.count({ where: { entityType: "Application", entityId: String(id) } }),
    payables: await db().payable.count({ where: ofApplication(id) }),
  };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (e) {
    if (e instanceof DomainError) return `${e.name}:${e.code}`;
    throw e;
  }
}

describe("the whole chain (art. 18.1 → 18.3)", () => {
  it("walks an art. 16 application through every stage, records each opinion and schedules the one-off payable from the city fund", async () => {
    setNotificationSender(recorder);
    const id = await submitted(w);
    const afterSubmit = await db().application.findUniqueOrThrow({ where: { id } });
    expect(afterSubmit).toMatchObject({ status: "IN_REVIEW", stage: "GRASSROOTS", policyVersionId: w.policy.id });
    expect(afterSubmit.stageDueAt!.getTime() - afterSubmit.stageEnteredAt!.getTime()).toBe(7 * 86_400_000);
    // 18.1: the applicant's own union was told it is in their queue.
    expect(sent.filter((m) => m.kind === "applicationQueued").map((m) => m.userId)).toEqual([w.users.grassroots.id]);

    await advanceTo(w, id, "LEADING_GROUP");
    const atLeadingGroup = await db().application.findUniqueOrThrow({ where: { id } });
    expect(atLeadingGroup).toMatchObject({ status: "IN_REVIEW", stage: "LEADING_GROUP" });
    expect(atLeadingGroup.proposedAmount?.toFixed(2)).toBe("3000.00");
    expect(sent.filter((m) => m.kind === "applicationQueued").map((m) => m.userId)).toEqual(
      expect.arrayContaining([w.users.district.id, w.users.office.id, w.users.office2.id, w.users.leader.id, w.users.leader2.id]),
    );
    // The other district's reviewer is never told about it.
    expect(sent.some((m) => m.userId === w.users.otherDistrict.id)).toBe(false);

    const result = await step(w.actors.leader, id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, { amount: yuan("2800") });
    expect(result).toMatchObject({ status: "APPROVED", payables: 1 });
    const approved = await db().application.findUniqueOrThrow({ where: { id }, include: { reviews: { orderBy: { id: "asc" } } } });
    const approvedPayables = await payablesOf(id);
    expect(approved.approvedAmount?.toFixed(2)).toBe("2800.00");
    expect(approved.decisionPath).toBe("LEADING_GROUP");
    expect(approved.reviews.map((r) => `${r.action}@${r.stage}`)).toEqual([
      "SUBMIT@GRASSROOTS",
      "FORWARD@GRASSROOTS",
      "FORWARD@DISTRICT",
      "FORWARD@OFFICE",
      "APPROVE@LEADING_GROUP",
    ]);
    expect(approved.reviews[2]).toMatchObject({ verificationFindings: "经走访单位与职工核实，情况属实。", verifiedOn: day("2026-11-10") });
    expect(approvedPayables).toHaveLength(1);
    // Owed to the applicant, reported under art. 16 and the district the application was reported to (18.1).
    expect(approvedPayables[0]).toMatchObject({ kind: "ONE_OFF", instalmentNo: 1, status: "SCHEDULED", category: "ART16", payeeUserId: w.users.cadre.id, payeeOrgId: null, reportingOrgId: approved.reportingOrgId });
    expect(approvedPayables[0]!.amount.toFixed(2)).toBe("2800.00");
    expect(approvedPayables[0]!.fund).toMatchObject({ organizationId: w.tree.city.id, kind: "RIGHTS_PROTECTION" });
    expect(sent.find((m) => m.kind === "applicationApproved")?.userId).toBe(w.users.cadre.id);
    expect((await db().notification.count({ where: { userId: w.users.cadre.id, applicationId: id, kind: "applicationApproved" } }))).toBe(1);

    const actions = (await db().auditLog.findMany({ where: { entityType: "Application", entityId: String(id) }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["application.create", "application.submit", "application.forward", "application.forward", "application.forward", "application.approve"]);
  });

  it("refuses out-of-order and repeated steps and changes nothing", async () => {
    const id = await submitted(w);
    // The district cannot act before the grassroots union has (no skipping).
    expect(await codeOf(step(w.actors.district, id, { type: "FORWARD", stage: "DISTRICT" }, { verificationFindings: "x", verifiedOn: day("2026-11-01") }))).toBe("ForbiddenError:forbidden");
    await step(w.actors.grassroots, id, { type: "FORWARD", stage: "GRASSROOTS" });
    const before = await footprint(id);
    // The same forward again with the version it was done at: stale (the application moved on).
    expect(await codeOf(runApplicationCommand(ctxOf(w.actors.grassroots), { applicationId: id, version: before.version - 1, command: { type: "FORWARD", stage: "GRASSROOTS" }, opinion: "再次同意" }))).toBe(
      "ConflictError:application.conflict",
    );
    // Repeated with the current version, it is no longer theirs to do.
    expect(await codeOf(runApplicationCommand(ctxOf(w.actors.grassroots), { applicationId: id, version: before.version, command: { type: "FORWARD", stage: "GRASSROOTS" }, opinion: "再次同意" }))).toBe(
      "ForbiddenError:forbidden",
    );
    // The district reviewer names a stage the application is not at (skipping to the office's step).
    expect(await codeOf(step(w.actors.district, id, { type: "FORWARD", stage: "OFFICE" }, { amount: yuan("3000") }))).toBe("DomainError:application.outOfOrder");
    // The district reviewer repeats with a stale version.
    expect(
      await codeOf(runApplicationCommand(ctxOf(w.actors.district), { applicationId: id, version: before.version - 1, command: { type: "FORWARD", stage: "DISTRICT" }, opinion: "同意", verificationFindings: "属实", verifiedOn: day("2026-11-01") })),
    ).toBe("ConflictError:application.conflict");
    // The district must record what it verified (18.2).
    expect(await codeOf(step(w.actors.district, id, { type: "FORWARD", stage: "DISTRICT" }))).toBe("DomainError:application.verificationRequired");
    // A leading-group decision before the office has given its preliminary opinion.
    expect(await codeOf(step(w.actors.leader, id, { type: "APPROVE", stage: "DISTRICT", path: "LEADING_GROUP" }, { amount: yuan("1000") }))).toBe("ForbiddenError:forbidden");
    // The applicant cannot submit twice.
    expect(await codeOf(step(w.actors.cadre, id, { type: "SUBMIT" }))).toBe("ForbiddenError:forbidden");
    expect(await footprint(id)).toEqual(before);
  });

  it("lets exactly one of two concurrent decisions win", async () => {
    const id = await submitted(w);
    await advanceTo(w, id, "LEADING_GROUP");
    const { version } = await db().application.findUniqueOrThrow({ where: { id } });
    const decide = (actor: typeof w.actors.leader, path: "LEADING_GROUP" | "CHAIRPERSON_MEETING", amount: string) =>
      runApplicationCommand(ctxOf(actor), { applicationId: id, version, command: { type: "APPROVE", stage: "LEADING_GROUP", path }, opinion: "同意", amount: yuan(amount) });
    const results = await Promise.allSettled([
      decide(w.actors.leader, "LEADING_GROUP", "2000"),
      decide(w.actors.leader2, "LEADING_GROUP", "3000"),
      decide(w.actors.chair, "CHAIRPERSON_MEETING", "1500"),
      runApplicationCommand(ctxOf(w.actors.leader2), { applicationId: id, version, command: { type: "REJECT", stage: "LEADING_GROUP" }, opinion: "不予支持" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(3);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConflictError);
    const app = await db().application.findUniqueOrThrow({ where: { id } });
    expect(app.version).toBe(version + 1);
    const decisions = await db().reviewRecord.findMany({ where: { applicationId: id, action: { in: ["APPROVE", "REJECT"] } } });
    expect(decisions).toHaveLength(1);
    expect(await db().payable.count({ where: ofApplication(id) })).toBe(app.status === "APPROVED" ? 1 : 0);
  });
});

describe("who may act (subtree, own application)", () => {
  it("denies a reviewer outside the subtree and lets the own district act", async () => {
    const id = await submitted(w);
    await advanceTo(w, id, "DISTRICT");
    const resource = await applicationResource(id);
    expect(can(w.actors.otherDistrict, "application.view", resource)).toBe(false);
    expect(can(w.actors.otherDistrict, "application.review", resource)).toBe(false);
    expect(can(w.actors.district, "application.review", resource)).toBe(true);
    const before = await footprint(id);
    await expect(step(w.actors.otherDistrict, id, { type: "RETURN", stage: "DISTRICT" })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await footprint(id)).toEqual(before);
  });

  it("never lets someone review their own application", async () => {
    const both = actorOf(await createUser(w.tree.grassroots.id, ["CADRE", "GRASSROOTS_OFFICER"], { position: "CHAIRPERSON", fullTime: true }));
    const { id } = await createDraft(ctxOf(both), form());
    await step(both, id, { type: "SUBMIT" }, { opinion: undefined });
    await expect(step(both, id, { type: "FORWARD", stage: "GRASSROOTS" })).rejects.toBeInstanceOf(ForbiddenError);
    await step(w.actors.grassroots, id, { type: "FORWARD", stage: "GRASSROOTS" });
    expect((await db().application.findUniqueOrThrow({ where: { id } })).stage).toBe("DISTRICT");
  });
});

describe("return for material, rejection, fast track", () => {
  it("returns at the district, the applicant edits and resubmits, and the application comes back to the district in round 1", async () => {
    const id = await submitted(w, art17Form("2026-08-15", 6));
    await advanceTo(w, id, "DISTRICT");
    await step(w.actors.district, id, { type: "RETURN", stage: "DISTRICT" }, { opinion: "请补充解除劳动合同通知书。" });
    const returned = await db().application.findUniqueOrThrow({ where: { id } });
    expect(returned).toMatchObject({ status: "RETURNED", stage: "DISTRICT", returnRound: 1, stageDueAt: null });
    expect(await db().notification.count({ where: { userId: w.users.cadre.id, applicationId: id, kind: "applicationReturned" } })).toBe(1);
    // Only the applicant edits now, not the reviewer.
    expect(await codeOf(step(w.actors.district, id, { type: "FORWARD", stage: "DISTRICT" }, { verificationFindings: "x", verifiedOn: day("2026-11-01") }))).toBe("ForbiddenError:forbidden");
    await updateApplication(ctxOf(w.actors.cadre), id, returned.version, { ...art17Form("2026-08-15", 5), harmDescription: "补充：已附解除劳动合同通知书。" });
    await step(w.actors.cadre, id, { type: "RESUBMIT" }, { opinion: "已补充材料" });
    const back = await db().application.findUniqueOrThrow({ where: { id }, include: { reviews: { orderBy: { id: "asc" } } } });
    expect(back).toMatchObject({ status: "IN_REVIEW", stage: "DISTRICT", returnRound: 1, requestedMonths: 5 });
    expect(back.reviews.map((r) => `${r.action}@${r.stage}#${r.round}`)).toEqual(["SUBMIT@GRASSROOTS#0", "FORWARD@GRASSROOTS#0", "RETURN@DISTRICT#0", "RESUBMIT@DISTRICT#1"]);
  });

  it("rejects with reasons at the office (final)", async () => {
    const id = await submitted(w);
    await advanceTo(w, id, "OFFICE");
    expect(await codeOf(step(w.actors.office, id, { type: "REJECT", stage: "OFFICE" }, { opinion: "  " }))).toBe("DomainError:application.opinionRequired");
    await step(w.actors.office, id, { type: "REJECT", stage: "OFFICE" }, { opinion: "经核实，所受处理与履行工会职责无关。" });
    const app = await db().application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: "REJECTED", stage: "OFFICE", closingReason: "经核实，所受处理与履行工会职责无关。" });
    expect(await db().payable.count({ where: ofApplication(id) })).toBe(0);
    expect(await codeOf(step(w.actors.cadre, id, { type: "RESUBMIT" }))).toBe("ForbiddenError:forbidden");
  });

  it("keeps a rejection's reasons of the longest opinion the form allows (4000 characters) as the closing reason", async () => {
    // closingReason was VarChar(2000) while the opinion field allows 4000: a long opinion was a 500.
    const id = await submitted(w);
    const reasons = "经调查核实，".repeat(666) + "不予支持。"; // 6 × 666 + 5 = 4001 → trimmed below
    const opinion = reasons.slice(0, 4000);
    expect(opinion.length).toBe(4000);
    await step(w.actors.grassroots, id, { type: "REJECT", stage: "GRASSROOTS" }, { opinion });
    const app = await db().application.findUniqueOrThrow({ where: { id } });
    expect(app).toMatchObject({ status: "REJECTED", closingReason: opinion });
    expect((await db().reviewRecord.findFirstOrThrow({ where: { applicationId: id, action: "REJECT" } })).opinion).toBe(opinion);
  });

  it("lets the district's chairperson's office meeting approve directly, paid from the district's fund (18.3)", async () => {
    const id = await submitted(w, form({ article: "ART15", eventType: "UNFAIR_TREATMENT_LOSS", requestedAmount: yuan("1000") }));
    await advanceTo(w, id, "DISTRICT");
    // Another district's meeting covers nothing here; the city's would.
    expect(can(w.actors.chair, "application.fastTrack", await applicationResource(id))).toBe(true);
    expect(await codeOf(step(w.actors.districtChair, id, { type: "APPROVE", stage: "DISTRICT", path: "CHAIRPERSON_MEETING" }, { amount: yuan("999") }))).toBe(
      "DomainError:application.amountOutOfRange15",
    );
    await step(w.actors.districtChair, id, { type: "APPROVE", stage: "DISTRICT", path: "CHAIRPERSON_MEETING" }, { amount: yuan("1000"), opinion: "区总主席办公会议审定：特殊情况，直接批准。" });
    const app = await db().application.findUniqueOrThrow({ where: { id }, include: { reviews: { where: { action: "APPROVE" } } } });
    expect(app).toMatchObject({ status: "APPROVED", stage: "DISTRICT", decisionPath: "CHAIRPERSON_MEETING" });
    expect(app.reviews[0]?.decisionPath).toBe("CHAIRPERSON_MEETING");
    expect((await payablesOf(id)).map((p) => [p.kind, p.amount.toFixed(2), p.fund.organizationId])).toEqual([["ONE_OFF", "1000.00", w.tree.district.id]]);
  });
});

describe("eligibility and amounts", () => {
  it("refuses the submission of a part-time cadre (art. 2) and leaves the draft as it was", async () => {
    const { id } = await createDraft(ctxOf(w.actors.partTime), form());
    const before = await footprint(id);
    expect(await codeOf(step(w.actors.partTime, id, { type: "SUBMIT" }, { opinion: undefined }))).toBe("DomainError:application.ineligible");
    expect(await footprint(id)).toEqual(before);
  });

  it("refuses amounts outside art. 15/16 and months beyond art. 17 at every step", async () => {
    await expect(createDraft(ctxOf(w.actors.cadre), form({ requestedAmount: yuan("3001") }))).rejects.toMatchObject({ code: "application.amountOverMax16" });
    await expect(createDraft(ctxOf(w.actors.cadre), form({ article: "ART15", eventType: "UNFAIR_TREATMENT_HARM", requestedAmount: yuan("999") }))).rejects.toMatchObject({
      code: "application.amountOutOfRange15",
    });
    await expect(createDraft(ctxOf(w.actors.cadre), art17Form("2026-08-01", 7))).rejects.toMatchObject({ code: "application.monthsOutOfRange" });
    const id = await submitted(w, art17Form("2026-08-01", 6));
    await advanceTo(w, id, "OFFICE");
    expect(await codeOf(step(w.actors.office, id, { type: "FORWARD", stage: "OFFICE" }, { months: 7 }))).toBe("DomainError:application.monthsOutOfRange");
    await step(w.actors.office, id, { type: "FORWARD", stage: "OFFICE" }, { months: 6 });
    expect(await codeOf(step(w.actors.leader, id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, { months: 7 }))).toBe("DomainError:application.monthsOutOfRange");
  });

  it("keeps the policy version fixed on the application (art. 19): its own limits apply after a revision", async () => {
    const id = await submitted(w);
    expect((await db().application.findUniqueOrThrow({ where: { id } })).policyVersionId).toBe(w.policy.id);
    await advanceTo(w, id, "LEADING_GROUP");
    // A stricter version (never in force: older than the seeded one) pinned on this application only.
    const strict = await db().policyVersion.create({
      data: { code: `STRICT-${id}`, title: "测试：更严格的限额", effectiveFrom: day("1990-01-01"), unfairTreatmentSubsidyMin: "1000", unfairTreatmentSubsidyMax: "2000", retaliationSubsidyMax: "2000", minimumWageSupportMaxMonths: 3, cityFundAnnual: "1", districtFundAnnual: "1" },
    });
    await db().application.update({ where: { id }, data: { policyVersionId: strict.id } });
    expect(await codeOf(step(w.actors.leader, id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, { amount: yuan("2500") }))).toBe("DomainError:application.amountOverMax16");
    await step(w.actors.leader, id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, { amount: yuan("2000") });
  });

  it("warns about another open application of the same person for the same event", async () => {
    const first = await createDraft(ctxOf(w.actors.cadre), form({ eventDate: day("2026-06-01"), eventType: "DEMOTION" }));
    const second = await createDraft(ctxOf(w.actors.cadre), form({ eventDate: day("2026-06-20"), eventType: "DEMOTION" }));
    expect(first.duplicates).toEqual([]);
    expect(second.duplicates.map((d) => d.number)).toEqual([first.number]);
    const other = await createDraft(ctxOf(w.actors.cadre), form({ eventDate: day("2026-03-01"), eventType: "INSULT" }));
    expect(other.duplicates).toEqual([]);
  });
});

describe("art. 17 instalments and re-employment", () => {
  it("schedules one instalment per month at the minimum wage in force, then cancels the months after re-employment", async () => {
    const id = await submitted(w, art17Form("2026-08-15", 6));
    await advanceTo(w, id, "LEADING_GROUP");
    await step(w.actors.leader, id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, { months: 6 });
    const payables = await db().payable.findMany({ where: ofApplication(id), orderBy: { instalmentNo: "asc" } });
    expect(payables.map((p) => [p.instalmentNo, p.kind, p.periodStart.toISOString().slice(0, 10), p.dueOn.toISOString().slice(0, 10), p.amount.toFixed(2), p.status])).toEqual([
      [1, "MONTHLY_SUPPORT", "2026-08-15", "2026-09-15", "1910.00", "SCHEDULED"],
      [2, "MONTHLY_SUPPORT", "2026-09-15", "2026-10-15", "1910.00", "SCHEDULED"],
      [3, "MONTHLY_SUPPORT", "2026-10-15", "2026-11-15", "2100.00", "SCHEDULED"],
      [4, "MONTHLY_SUPPORT", "2026-11-15", "2026-12-15", "2100.00", "SCHEDULED"],
      [5, "MONTHLY_SUPPORT", "2026-12-15", "2027-01-15", "2100.00", "SCHEDULED"],
      [6, "MONTHLY_SUPPORT", "2027-01-15", "2027-02-15", "2100.00", "SCHEDULED"],
    ]);
    // The fund ledger paid month 1 and (as the fund engineer does) bumped the version.
    await db().payable.update({ where: { id: payables[0]!.id }, data: { status: "PAID", paidAt: new Date(), version: { increment: 1 } } });
    const { version } = await db().application.findUniqueOrThrow({ where: { id } });
    expect(await codeOf(recordReemployment(ctxOf(w.actors.otherDistrict), { applicationId: id, version, reemployedOn: day("2026-10-20") }))).toBe("ForbiddenError:forbidden");
    expect(await codeOf(recordReemployment(ctxOf(w.actors.district), { applicationId: id, version, reemployedOn: day("2026-08-01") }))).toBe("DomainError:application.reemployedBeforeUnemployed");
    // Re-employed in month 3 (15 Oct – 14 Nov): months 1 and 2 stay, 3–6 are cancelled.
    const result = await recordReemployment(ctxOf(w.actors.district), { applicationId: id, version, reemployedOn: day("2026-10-20") });
    expect(result).toEqual({ id, cancelled: [3, 4, 5, 6], overpaid: [] });
    const after = await db().payable.findMany({ where: ofApplication(id), orderBy: { instalmentNo: "asc" } });
    expect(after.map((p) => p.status)).toEqual(["PAID", "SCHEDULED", "CANCELLED", "CANCELLED", "CANCELLED", "CANCELLED"]);
    expect(after[2]!.cancelReason).toContain("第十七条");
    expect(await codeOf(recordReemployment(ctxOf(w.actors.district), { applicationId: id, version: version + 1, reemployedOn: day("2026-10-21") }))).toBe("DomainError:application.reemploymentRecorded");
  });

  it("reports paid instalments that re-employment made undue, without touching them", async () => {
    const id = await submitted(w, art17Form("2026-08-15", 3));
    await advanceTo(w, id, "LEADING_GROUP");
    await step(w.actors.leader, id, { type: "APPROVE", stage: "LEADING_GROUP", path: "LEADING_GROUP" }, { months: 3 });
    await db().payable.updateMany({ where: ofApplication(id), data: { status: "PAID", paidAt: new Date(), version: { increment: 1 } } });
    const { version } = await db().application.findUniqueOrThrow({ where: { id } });
    const result = await recordReemployment(ctxOf(w.actors.office), { applicationId: id, version, reemployedOn: day("2026-09-01") });
    expect(result).toEqual({ id, cancelled: [], overpaid: [1, 2, 3] });
    expect((await db().payable.findMany({ where: ofApplication(id) })).every((p) => p.status === "PAID")).toBe(true);
  });
});
