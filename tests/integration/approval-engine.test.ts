/**
 * The review-chain engine's generic persistence (lib/approval/service.ts) against PostgreSQL,
 * with the test-only chain (three levels and a province-style confirmation): order enforced,
 * return and resubmit, reject, self-review refused, stale versions, required fields, an acting
 * reviewer (both names recorded), each actor's queue (overdue first) and the deadline reminder
 * sent once across repeated and concurrent sweeps.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { approvalQueue, decide, startItem, sweepReminders } from "@/lib/approval/service";
import { mutate } from "@/lib/audit/writer";
import type { Actor } from "@/lib/authz/types";
import { addDays } from "@/lib/dates";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { actorOf, createTree, createUser, ctxOf } from "../helpers/fixtures";
import { TEST_CHAIN, type TestStage } from "../helpers/test-chain";

type World = Awaited<ReturnType<typeof world>>;
let w: World;
let subject = Math.floor(Date.now() % 1_000_000) * 100;

async function world() {
  const tree = await createTree();
  const user = async (orgId: number, roles: Parameters<typeof createUser>[1]) => actorOf(await createUser(orgId, roles));
  return {
    tree,
    applicant: await user(tree.grassroots.id, ["CADRE"]),
    unit: await user(tree.grassroots.id, ["GRASSROOTS_OFFICER"]),
    // a union officer who files for their own union: may never review it
    officerApplicant: await user(tree.grassroots.id, ["GRASSROOTS_OFFICER", "CADRE"]),
    district: await user(tree.district.id, ["DISTRICT_REVIEWER"]),
    otherDistrict: await user(tree.otherDistrict.id, ["DISTRICT_REVIEWER"]),
    city: await user(tree.city.id, ["LEADING_GROUP_OFFICE"]),
    province: await user(tree.city.id, ["CHAIRPERSON_MEETING"]),
    stand: await user(tree.district.id, ["CADRE"]),
  };
}

/** A DRAFT item of the test chain filed by `applicant`. */
async function newItem(applicant: Actor = w.applicant) {
  return mutate(ctxOf(applicant), (tx, record) =>
    startItem(tx, record, TEST_CHAIN, {
      subjectType: "test-model-unit-form",
      subjectId: ++subject,
      applicantId: applicant.id,
      organizationId: w.tree.grassroots.id,
      reportingOrgId: w.tree.district.id,
    }),
  );
}

async function act(actor: Actor, itemId: number, command: Parameters<typeof decide<TestStage>>[2]["command"], extra: Partial<Parameters<typeof decide<TestStage>>[2]> = {}) {
  const { version } = await db().approvalItem.findUniqueOrThrow({ where: { id: itemId } });
  return decide(ctxOf(actor), TEST_CHAIN, { itemId, version, command, opinion: "意见", ...extra });
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

/** What a refused step must leave unchanged. */
async function footprint(itemId: number) {
  const item = await db().approvalItem.findUniqueOrThrow({ where: { id: itemId } });
  return {
    version: item.version,
    status: item.status,
    stage: item.stage,
    decisions: await db().approvalDecision.count({ where: { itemId } }),
    audit: await db().auditLog.count({ where: { entityType: "ApprovalItem", entityId: String(itemId) } }),
  };
}

beforeAll(async () => {
  w = await world();
});

describe("order enforced", () => {
  it("runs every step as its role and confirms at the top", async () => {
    const { id } = await newItem();
    await act(w.applicant, id, { type: "SUBMIT" });
    await act(w.unit, id, { type: "FORWARD", stage: "UNIT" });
    await act(w.district, id, { type: "FORWARD", stage: "DISTRICT" }, { fields: { inspectionNote: "已实地核查" } });
    await act(w.city, id, { type: "FORWARD", stage: "CITY" });
    const done = await act(w.province, id, { type: "APPROVE", stage: "PROVINCE", path: "CONFIRMED" });
    expect(done.item).toMatchObject({ status: "APPROVED", stage: "PROVINCE", decisionPath: "CONFIRMED", stageDueAt: null });
    const history = await db().approvalDecision.findMany({ where: { itemId: id }, orderBy: { id: "asc" } });
    expect(history.map((d) => [d.action, d.stage, d.actorId])).toEqual([
      ["SUBMIT", "UNIT", w.applicant.id],
      ["FORWARD", "UNIT", w.unit.id],
      ["FORWARD", "DISTRICT", w.district.id],
      ["FORWARD", "CITY", w.city.id],
      ["APPROVE", "PROVINCE", w.province.id],
    ]);
    expect(history[2]!.fields).toEqual({ inspectionNote: "已实地核查" });
    const audit = await db().auditLog.findMany({ where: { entityType: "ApprovalItem", entityId: String(id) }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["approval.start", "approval.submit", "approval.forward", "approval.forward", "approval.forward", "approval.approve"]);
  });

  it("refuses a skipped step, a step done twice, a stale version and a missing field — changing nothing", async () => {
    const { id } = await newItem();
    await act(w.applicant, id, { type: "SUBMIT" });
    const before = await footprint(id);
    expect(await codeOf(act(w.unit, id, { type: "FORWARD", stage: "DISTRICT" }))).toBe("DomainError:testChain.outOfOrder");
    expect(await codeOf(act(w.district, id, { type: "FORWARD", stage: "DISTRICT" }, { fields: { inspectionNote: "x" } }))).toBe("ForbiddenError:forbidden");
    expect(await footprint(id)).toEqual(before);
    await act(w.unit, id, { type: "FORWARD", stage: "UNIT" });
    const atDistrict = await footprint(id);
    // the same step again (the unit's officer is no reviewer of the district step)
    expect(await codeOf(act(w.unit, id, { type: "FORWARD", stage: "UNIT" }))).toBe("ForbiddenError:forbidden");
    // a stale version
    expect(await codeOf(decide(ctxOf(w.district), TEST_CHAIN, { itemId: id, version: atDistrict.version - 1, command: { type: "FORWARD", stage: "DISTRICT" }, opinion: "x", fields: { inspectionNote: "x" } }))).toBe(
      "ConflictError:testChain.conflict",
    );
    // the district's required field (the chain's hook)
    expect(await codeOf(act(w.district, id, { type: "FORWARD", stage: "DISTRICT" }))).toBe("DomainError:testChain.fieldsRequired");
    // another district's reviewer: out of scope
    expect(await codeOf(act(w.otherDistrict, id, { type: "FORWARD", stage: "DISTRICT" }, { fields: { inspectionNote: "x" } }))).toBe("ForbiddenError:forbidden");
    expect(await footprint(id)).toEqual(atDistrict);
  });

  it("lets only one of two reviewers acting at once win", async () => {
    const { id } = await newItem();
    await act(w.applicant, id, { type: "SUBMIT" });
    const { version } = await db().approvalItem.findUniqueOrThrow({ where: { id } });
    const second = await createUser(w.tree.grassroots.id, ["GRASSROOTS_OFFICER"]);
    const results = await Promise.allSettled(
      [w.unit, actorOf(second)].map((a) => decide(ctxOf(a), TEST_CHAIN, { itemId: id, version, command: { type: "FORWARD", stage: "UNIT" }, opinion: "同意" })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().approvalDecision.count({ where: { itemId: id, action: "FORWARD" } })).toBe(1);
  });
});

describe("return and resubmit, reject", () => {
  it("returns to the applicant remembering the step; the resubmission goes back to it in a new round", async () => {
    const { id } = await newItem();
    await act(w.applicant, id, { type: "SUBMIT" });
    await act(w.unit, id, { type: "FORWARD", stage: "UNIT" });
    await act(w.district, id, { type: "FORWARD", stage: "DISTRICT" }, { fields: { inspectionNote: "属实" } });
    const returned = await act(w.city, id, { type: "RETURN", stage: "CITY" }, { opinion: "请补充获奖证明" });
    expect(returned.item).toMatchObject({ status: "RETURNED", stage: "CITY", round: 1, stageDueAt: null });
    expect(await codeOf(act(w.city, id, { type: "FORWARD", stage: "CITY" }))).toBe("ForbiddenError:forbidden");
    expect(await codeOf(act(w.unit, id, { type: "RESUBMIT" }))).toBe("ForbiddenError:forbidden");
    const back = await act(w.applicant, id, { type: "RESUBMIT" });
    expect(back.item).toMatchObject({ status: "IN_REVIEW", stage: "CITY", round: 1 });
    expect(back.decision).toMatchObject({ action: "RESUBMIT", stage: "CITY", round: 1 });
    await act(w.city, id, { type: "FORWARD", stage: "CITY" });
    // the confirmation step cannot return, only confirm or refuse
    expect(await codeOf(act(w.province, id, { type: "RETURN", stage: "PROVINCE" }))).toBe("DomainError:testChain.outOfOrder");
    expect((await act(w.province, id, { type: "APPROVE", stage: "PROVINCE", path: "CONFIRMED" })).item.status).toBe("APPROVED");
  });

  it("rejects with reasons, finally", async () => {
    const { id } = await newItem();
    await act(w.applicant, id, { type: "SUBMIT" });
    await act(w.unit, id, { type: "FORWARD", stage: "UNIT" });
    expect(await codeOf(act(w.district, id, { type: "REJECT", stage: "DISTRICT" }, { opinion: "  " }))).toBe("DomainError:testChain.opinionRequired");
    const rejected = await act(w.district, id, { type: "REJECT", stage: "DISTRICT" }, { opinion: "不符合条件" });
    expect(rejected.item).toMatchObject({ status: "REJECTED", stage: "DISTRICT" });
    expect(rejected.decision.opinion).toBe("不符合条件");
    expect(await codeOf(act(w.applicant, id, { type: "RESUBMIT" }))).toBe("DomainError:testChain.outOfOrder");
    expect(await codeOf(act(w.applicant, id, { type: "WITHDRAW" }, { opinion: "撤回" }))).toBe("DomainError:testChain.outOfOrder");
  });
});

describe("self-review and delegation", () => {
  it("never lets the applicant review their own item, even holding the step's role", async () => {
    const { id } = await newItem(w.officerApplicant);
    await act(w.officerApplicant, id, { type: "SUBMIT" });
    const before = await footprint(id);
    expect(await codeOf(act(w.officerApplicant, id, { type: "FORWARD", stage: "UNIT" }))).toBe("ForbiddenError:forbidden");
    expect(await footprint(id)).toEqual(before);
    expect((await act(w.unit, id, { type: "FORWARD", stage: "UNIT" })).item.stage).toBe("DISTRICT");
  });

  it("lets an acting reviewer decide for the holder while away, recording both", async () => {
    const { id } = await newItem();
    await act(w.applicant, id, { type: "SUBMIT" });
    await act(w.unit, id, { type: "FORWARD", stage: "UNIT" });
    const today = new Date();
    const away = { holder: w.district, actingId: w.stand.id, from: addDays(today, -2), until: addDays(today, 2) };
    expect(await codeOf(act(w.stand, id, { type: "FORWARD", stage: "DISTRICT" }, { fields: { inspectionNote: "x" } }))).toBe("ForbiddenError:forbidden");
    const expired = { ...away, until: addDays(today, -1) };
    expect(await codeOf(act(w.stand, id, { type: "FORWARD", stage: "DISTRICT" }, { fields: { inspectionNote: "x" }, delegations: [expired] }))).toBe("ForbiddenError:forbidden");
    const done = await act(w.stand, id, { type: "FORWARD", stage: "DISTRICT" }, { fields: { inspectionNote: "代为核查" }, delegations: [away] });
    expect(done.decision).toMatchObject({ actorId: w.stand.id, onBehalfOfId: w.district.id, stage: "DISTRICT", action: "FORWARD" });
  });
});

describe("queues and the deadline reminder", () => {
  it("lists each actor's waiting items, overdue first, never their own or out of scope", async () => {
    const late = await newItem();
    const fresh = await newItem();
    for (const { id } of [late, fresh]) {
      await act(w.applicant, id, { type: "SUBMIT" });
      await act(w.unit, id, { type: "FORWARD", stage: "UNIT" });
    }
    await db().approvalItem.update({ where: { id: late.id }, data: { stageDueAt: addDays(new Date(), -1) } });
    const queue = (await approvalQueue(TEST_CHAIN, w.district)).map((r) => r.id);
    expect(queue.indexOf(late.id)).toBeGreaterThanOrEqual(0);
    expect(queue.indexOf(late.id)).toBeLessThan(queue.indexOf(fresh.id));
    expect((await approvalQueue(TEST_CHAIN, w.otherDistrict)).map((r) => r.id)).not.toContain(late.id);
    expect((await approvalQueue(TEST_CHAIN, w.unit)).map((r) => r.id)).not.toContain(late.id);
  });

  it("reminds the step's reviewers once per overdue step, across repeated and concurrent sweeps", async () => {
    const { id } = await newItem();
    await act(w.applicant, id, { type: "SUBMIT" });
    await act(w.unit, id, { type: "FORWARD", stage: "UNIT" });
    const { stageDueAt } = await db().approvalItem.findUniqueOrThrow({ where: { id } });
    expect(stageDueAt).not.toBeNull();
    const reminded: { itemId: number; reviewers: number[] }[] = [];
    const remind = async (_tx: unknown, _record: unknown, item: { id: number }, reviewers: number[]) => void reminded.push({ itemId: item.id, reviewers });
    // before the deadline: nothing
    await sweepReminders(TEST_CHAIN, new Date(stageDueAt!.getTime() - 60_000), remind);
    expect(reminded.filter((r) => r.itemId === id)).toEqual([]);
    // after it: once, to the district's reviewers, however often and concurrently the sweep runs
    const after = new Date(stageDueAt!.getTime() + 60_000);
    await Promise.all([sweepReminders(TEST_CHAIN, after, remind), sweepReminders(TEST_CHAIN, after, remind)]);
    await sweepReminders(TEST_CHAIN, new Date(after.getTime() + 3_600_000), remind);
    const mine = reminded.filter((r) => r.itemId === id);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.reviewers).toContain(w.district.id);
    expect(mine[0]!.reviewers).not.toContain(w.otherDistrict.id);
    expect(await db().auditLog.count({ where: { action: "approval.remind", entityId: String(id) } })).toBe(1);
    // the next step has its own deadline and its own reminder
    await act(w.district, id, { type: "FORWARD", stage: "DISTRICT" }, { fields: { inspectionNote: "属实" } });
    const next = await db().approvalItem.findUniqueOrThrow({ where: { id } });
    expect(next.stageRemindedAt).toBeNull();
    await sweepReminders(TEST_CHAIN, new Date(next.stageDueAt!.getTime() + 60_000), remind);
    expect(reminded.filter((r) => r.itemId === id).map((r) => r.reviewers.includes(w.city.id))).toEqual([false, true]);
  });
});
