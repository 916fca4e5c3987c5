/**
 * Vitality project demo data (seed 001 《实施方案》): the 2014 policy (w = 80%, 2/3, 50 / 90 / 80 / 70 %,
 * the seed's own numbers, not demo values), and two demo units of 2025 evaluated through the real services:
 * 大连滨海精密仪器 (中山区, non-public) with 55% members' dissatisfaction → admonition talk due, and
 * 大连西岗物流集团 (西岗区, state-owned) at 95% → award priority, cadre-management rules.
 */
import type { RequestContext } from "@/lib/audit/writer";
import { mutate } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { castVote, closeBallot, createBallot, issueCodes, openBallot } from "@/lib/vitality/ballots";
import { insertVitalityPolicy, SEED_POLICY_2014 } from "@/lib/vitality/policy";
import { enrolUnit, recordHigherEvaluation } from "@/lib/vitality/units";

type Demo = { code: string; chair: string; party: string; committee: { s: number; b: number; d: number }; higher: string };

const DEMOS: Demo[] = [
  { code: "DL-ZS-001", chair: "陈建国（演示）", party: "大连滨海精密仪器有限公司党支部", committee: { s: 5, b: 4, d: 11 }, higher: "60" },
  { code: "DL-XG-001", chair: "刘海涛（演示）", party: "大连西岗物流集团有限公司党委", committee: { s: 16, b: 3, d: 1 }, higher: "90" },
];

export async function seedVitality(ctx: RequestContext) {
  await mutate(ctx, async (tx, record) => {
    const p = await insertVitalityPolicy(tx, {
      code: "SSFA-2014",
      title: "《大连市基层工会活力建设项目实施方案》（2014）",
      effectiveFrom: new Date("2014-01-01T00:00:00Z"),
      ...SEED_POLICY_2014,
    });
    record({ action: "vitality.policy.create", entityType: "VitalityPolicy", entityId: p.id, after: p });
  });
  for (const demo of DEMOS) {
    const org = await db().organization.findUnique({ where: { code: demo.code } });
    if (!org || !org.unitNature || org.staffCount === null) continue;
    const enrolment = await enrolUnit(ctx, {
      organizationId: org.id,
      year: 2025,
      unitNature: org.unitNature,
      ownership: org.ownership,
      staffCount: org.staffCount,
      memberCount: 30,
      chairpersonName: demo.chair,
      partyOrganisation: demo.party,
      enterpriseManaged: false,
      industryUnion: false,
      extendTo50: false,
      isDemo: true,
    });
    const ballot = await createBallot(ctx, { enrolmentId: enrolment.id, kind: "ONLINE", meetingName: "2025年度会员代表大会（演示）", meetingDate: new Date("2025-12-20T00:00:00Z"), due: 30, items: ["COMMITTEE", "CHAIRPERSON"] });
    const codes = await issueCodes(ctx, ballot.id, 30);
    await openBallot(ctx, ballot.id);
    const answers = [...Array(demo.committee.s).fill("SATISFIED"), ...Array(demo.committee.b).fill("BASIC"), ...Array(demo.committee.d).fill("DISSATISFIED")];
    for (const [i, answer] of answers.entries()) await castVote({ publicKey: ballot.publicKey, code: codes[i]!, answers: [answer, answer], clientKey: null });
    await closeBallot(ctx, ballot.id, { present: answers.length, slipsHandedOut: answers.length, slipsReturned: answers.length });
    await recordHigherEvaluation(ctx, enrolment.id, { scorePercent: demo.higher, partyOrganisation: demo.party, evaluatedOn: new Date("2025-12-28T00:00:00Z") });
  }
}
