/**
 * 《实施方案》四.1 plan and 四.2 双述 on real PostgreSQL: the basic systems of the unit's model are required,
 * a published plan is readable by its key and takes anonymous suggestions, and with the plan published and
 * both receipts of the report recorded, a combined 96% makes a model unit (五.1).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { RequestContext } from "@/lib/audit/writer";
import { castVote, closeBallot, createBallot, issueCodes, openBallot } from "@/lib/vitality/ballots";
import { addSuggestion, publicPlan, publishPlan, recordReportReceipt, saveDualReport, savePlan } from "@/lib/vitality/plans";
import { enrolUnit, recordHigherEvaluation, unitResult } from "@/lib/vitality/units";
import { actorOf, createOrg, createTree, createUser, ctxOf } from "../helpers/fixtures";
import { ensureVitalityPolicy } from "./vitality-fixtures";

let ctx: RequestContext;
let district: number;

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return "accepted";
}

async function enrol(nature: "PRIVATE" | "PUBLIC_INSTITUTION") {
  const unit = await createOrg("GRASSROOTS_UNION", district, `测试计划工会-${nature}-${Math.random().toString(36).slice(2, 7)}`);
  return enrolUnit(ctx, {
    organizationId: unit.id,
    year: 2026,
    unitNature: nature,
    ownership: nature === "PRIVATE" ? "NON_PUBLIC" : "PUBLIC",
    staffCount: 150,
    memberCount: 30,
    chairpersonName: "张主席",
    partyOrganisation: "党支部",
    enterpriseManaged: false,
    industryUnion: false,
    extendTo50: false,
  });
}

const BASIC3 = [
  { kind: "ORGANISATION" as const, title: "健全工会组织制度", goal: "按期换届" },
  { kind: "COLLECTIVE_CONSULTATION" as const, title: "集体协商制度", goal: "签订工资专项集体合同" },
  { kind: "DEMOCRATIC_MANAGEMENT" as const, title: "民主管理制度", goal: "每年召开职代会" },
];

beforeAll(async () => {
  await ensureVitalityPolicy();
  const tree = await createTree();
  district = tree.district.id;
  ctx = ctxOf(actorOf(await createUser(tree.district.id, ["DISTRICT_REVIEWER"])));
});

describe("四.1 plan", () => {
  it("a 3+x plan needs all three basic systems; a 2+x plan refuses collective consultation", async () => {
    const e = await enrol("PRIVATE");
    expect(await refusal(savePlan(ctx, e.id, BASIC3.slice(0, 2)))).toBe("vitality.plan.basicSystemMissing");
    expect(await refusal(savePlan(ctx, e.id, [...BASIC3, { kind: "CUSTOM", title: "职工书屋", goal: "" }]))).toBe("vitality.plan.itemInvalid");
    expect(await refusal(savePlan(ctx, e.id, [...BASIC3, { kind: "CUSTOM", title: "职工书屋", goal: "每月活动" }]))).toBe("accepted");
    const institution = await enrol("PUBLIC_INSTITUTION");
    expect(institution.model).toBe("TWO_PLUS_X");
    expect(await refusal(savePlan(ctx, institution.id, BASIC3))).toBe("vitality.plan.notInModel");
    expect(await refusal(savePlan(ctx, institution.id, [BASIC3[0]!, BASIC3[2]!]))).toBe("accepted");
  });

  it("the published plan is readable by its key and takes anonymous suggestions", async () => {
    const e = await enrol("PRIVATE");
    expect(await refusal(publishPlan(ctx, e.id, { publishedOn: new Date("2026-03-01T00:00:00Z"), announcedHow: "会员代表大会" }))).toBe("vitality.plan.missing");
    await savePlan(ctx, e.id, BASIC3);
    const plan = await publishPlan(ctx, e.id, { publishedOn: new Date("2026-03-01T00:00:00Z"), announcedHow: "会员代表大会、公示栏" });
    expect(plan.publicKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await publicPlan(plan.publicKey!)).items.map((i) => i.kind)).toEqual(["ORGANISATION", "COLLECTIVE_CONSULTATION", "DEMOCRATIC_MANAGEMENT"]);
    expect(await refusal(addSuggestion(plan.publicKey!, "   ", new Date("2026-03-02T00:00:00Z")))).toBe("vitality.plan.suggestionInvalid");
    expect(await refusal(addSuggestion(plan.publicKey!, "x".repeat(1001), new Date("2026-03-02T00:00:00Z")))).toBe("vitality.plan.suggestionInvalid");
    await addSuggestion(plan.publicKey!, "希望增加职工体检项目", new Date("2026-03-02T00:00:00Z"));
    expect(await refusal(addSuggestion("no-such-key-0000000000000000000000000000000", "意见", new Date()))).toBe("vitality.plan.notFound");
    const stored = await db().vitalitySuggestion.findMany({ where: { planId: plan.id } });
    expect(stored.map((s) => s.text)).toEqual(["希望增加职工体检项目"]);
    expect(Object.keys(stored[0]!).sort()).toEqual(["id", "planId", "receivedOn", "text"]);
  });
});

describe("四.2 双述 and 五.1 model unit", () => {
  it("with the plan published and both receipts recorded, a combined 96% is a model unit with award priority", async () => {
    const e = await enrol("PRIVATE");
    await savePlan(ctx, e.id, BASIC3);
    await publishPlan(ctx, e.id, { publishedOn: new Date("2026-03-01T00:00:00Z"), announcedHow: "公示栏" });
    expect(await refusal(recordReportReceipt(ctx, e.id, "CONGRESS", new Date("2026-06-30T00:00:00Z")))).toBe("vitality.report.missing");
    expect(await refusal(saveDualReport(ctx, e.id, { programmeResults: "完成", fundsCollected: "-1", fundsManaged: "0", fundsUsed: "0", dutiesPerformance: "履职" }))).toBe("vitality.report.invalid");
    expect(await refusal(saveDualReport(ctx, e.id, { programmeResults: "完成", fundsCollected: "abc", fundsManaged: "0", fundsUsed: "0", dutiesPerformance: "履职" }))).toBe("vitality.report.invalid");
    const report = await saveDualReport(ctx, e.id, { programmeResults: "三项制度全面落实", fundsCollected: "120000.00", fundsManaged: "120000.00", fundsUsed: "98000.50", dutiesPerformance: "认真履职" });
    expect(report.fundsUsed.toString()).toBe("98000.5");

    const ballot = await createBallot(ctx, { enrolmentId: e.id, kind: "ONLINE", meetingName: "会员代表大会", meetingDate: new Date("2026-06-30T00:00:00Z"), due: 30, items: ["COMMITTEE"] });
    const codes = await issueCodes(ctx, ballot.id, 30);
    await openBallot(ctx, ballot.id);
    for (const code of codes.slice(0, 20)) await castVote({ publicKey: ballot.publicKey, code, answers: ["SATISFIED"], clientKey: null });
    await closeBallot(ctx, ballot.id);
    await recordHigherEvaluation(ctx, e.id, { scorePercent: "80", partyOrganisation: "党支部", evaluatedOn: new Date("2026-07-01T00:00:00Z") });

    await recordReportReceipt(ctx, e.id, "CONGRESS", new Date("2026-06-30T00:00:00Z"));
    expect((await unitResult(db(), e.id)).class).toBe("BELOW_STANDARD"); // the higher organisations' receipt is missing
    await recordReportReceipt(ctx, e.id, "HIGHER", new Date("2026-07-02T00:00:00Z"));
    const result = await unitResult(db(), e.id);
    expect(result.combined?.toString()).toBe("96");
    expect(result.class).toBe("MODEL");
    expect(result.consequences?.awardPriority).toBe(true);
  });
});
