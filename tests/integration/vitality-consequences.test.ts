/**
 * 《实施方案》四.2 consequences recorded on real PostgreSQL: an admonition talk only when dissatisfaction > 50%,
 * overdue talks found by date, and the chairperson adjustment only after two consecutive years above 50%.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import type { RequestContext } from "@/lib/audit/writer";
import { castVote, closeBallot, createBallot, issueCodes, openBallot } from "@/lib/vitality/ballots";
import { overdueTalks, recordAdmonitionTalk, recordChairpersonAdjustment } from "@/lib/vitality/consequences";
import { enrolUnit } from "@/lib/vitality/units";
import { actorOf, createOrg, createTree, createUser, ctxOf } from "../helpers/fixtures";
import { ensureVitalityPolicy } from "./vitality-fixtures";

let ctx: RequestContext;
let orgId: number;

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
  return "accepted";
}

/** Enrol the unit for `year` and run a valid ballot of 20/30 with `dissatisfied` papers 不满意. */
async function evaluatedYear(year: number, dissatisfied: number) {
  const e = await enrolUnit(ctx, { organizationId: orgId, year, unitNature: "PRIVATE", ownership: "NON_PUBLIC", staffCount: 200, memberCount: 30, chairpersonName: "赵主席", partyOrganisation: "党支部", enterpriseManaged: false, industryUnion: false, extendTo50: false });
  const b = await createBallot(ctx, { enrolmentId: e.id, kind: "ONLINE", meetingName: "会员大会", meetingDate: new Date(`${year}-06-30T00:00:00Z`), due: 30, items: ["COMMITTEE"] });
  const codes = await issueCodes(ctx, b.id, 20);
  await openBallot(ctx, b.id);
  for (const [i, code] of codes.entries()) await castVote({ publicKey: b.publicKey, code, answers: [i < dissatisfied ? "DISSATISFIED" : "SATISFIED"], clientKey: null });
  await closeBallot(ctx, b.id);
  return e;
}

beforeAll(async () => {
  await ensureVitalityPolicy();
  const tree = await createTree();
  ctx = ctxOf(actorOf(await createUser(tree.district.id, ["DISTRICT_REVIEWER"])));
  orgId = (await createOrg("GRASSROOTS_UNION", tree.district.id, "测试诫勉工会")).id;
});

describe("四.2 consequences", () => {
  it("50% → no talk; 55% → talk recorded, overdue after its deadline; two years → adjustment", async () => {
    const y2024 = await evaluatedYear(2024, 10); // exactly 50%
    expect(await refusal(recordAdmonitionTalk(ctx, y2024.id, { heldOn: new Date("2024-07-01T00:00:00Z"), participants: "区总工会、党支部", rectificationDeadline: new Date("2024-09-30T00:00:00Z") }))).toBe("vitality.talk.notDue");

    const y2025 = await evaluatedYear(2025, 11); // 55%
    const talk = { heldOn: new Date("2025-07-01T00:00:00Z"), participants: "区总工会、党支部", rectificationDeadline: new Date("2025-09-30T00:00:00Z") };
    expect(await refusal(recordAdmonitionTalk(ctx, y2025.id, { ...talk, rectificationDeadline: new Date("2025-06-30T00:00:00Z") }))).toBe("vitality.talk.invalid");
    expect(await refusal(recordAdmonitionTalk(ctx, y2025.id, talk))).toBe("accepted");
    expect((await overdueTalks(new Date("2025-09-30T00:00:00Z"))).some((t) => t.enrolmentId === y2025.id)).toBe(false);
    expect((await overdueTalks(new Date("2025-10-01T00:00:00Z"))).some((t) => t.enrolmentId === y2025.id)).toBe(true);
    expect(await refusal(recordChairpersonAdjustment(ctx, y2025.id, { decidedOn: new Date("2025-08-01T00:00:00Z"), decision: "调整" }))).toBe("vitality.adjustment.notDue");

    const y2026 = await evaluatedYear(2026, 12); // 60%, second consecutive year
    expect(await refusal(recordChairpersonAdjustment(ctx, y2026.id, { decidedOn: new Date("2026-08-01T00:00:00Z"), decision: " " }))).toBe("vitality.adjustment.invalid");
    expect(await refusal(recordChairpersonAdjustment(ctx, y2026.id, { decidedOn: new Date("2026-08-01T00:00:00Z"), decision: "依照程序改选工会主席" }))).toBe("accepted");
  });
});
