/**
 * Vitality project rules at the boundaries of seed 001 《实施方案》 三, 四.1, 四.2, 五.1–2,
 * with the numbers of the seeded policy (w = 80%, 2/3 turnout, 50% / 90% / 80% / 70%).
 */
import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import {
  basicSystemsOf,
  classify,
  combinedSatisfaction,
  consequencesFor,
  formatPercent,
  memberRates,
  requiredVotes,
  scopeOf,
  turnout,
  validateVitalityPolicy,
  type ScopeFacts,
  type VitalityPolicyData,
} from "@/lib/vitality/rules";

const SEEDED: VitalityPolicyData = {
  memberWeightPercent: "80.00",
  turnoutNumerator: 2,
  turnoutDenominator: 3,
  basicSatisfiedWeight: "1.00",
  dissatisfactionLimitPercent: "50.00",
  consecutiveForAdjustment: 2,
  awardPriorityPercent: "90.00",
  modelUnitPercent: "80.00",
  upToStandardPercent: "70.00",
  nonPublicMinStaff: 100,
  nonPublicExtendedMinStaff: 50,
};

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e.code;
    throw e;
  }
}

describe("四.2 members' weight w ≥ 80% (policy data)", () => {
  it("refuses 79.99% and accepts 80% and 100%", () => {
    expect(codeOf(() => validateVitalityPolicy({ ...SEEDED, memberWeightPercent: "79.99" }))).toBe("vitality.policy.memberWeightTooLow");
    expect(codeOf(() => validateVitalityPolicy({ ...SEEDED, memberWeightPercent: "80" }))).toBeNull();
    expect(codeOf(() => validateVitalityPolicy({ ...SEEDED, memberWeightPercent: "100" }))).toBeNull();
    expect(codeOf(() => validateVitalityPolicy({ ...SEEDED, memberWeightPercent: "100.01" }))).toBe("vitality.policy.invalid");
  });
  it("the combined rate refuses a weight below 80% as well", () => {
    expect(codeOf(() => combinedSatisfaction("90", "90", { memberWeightPercent: "79.99" }))).toBe("vitality.policy.memberWeightTooLow");
    expect(combinedSatisfaction("90", "90", { memberWeightPercent: "80" }).toString()).toBe("90");
  });
  it("refuses inconsistent thresholds", () => {
    expect(codeOf(() => validateVitalityPolicy({ ...SEEDED, upToStandardPercent: "81" }))).toBe("vitality.policy.invalid");
    expect(codeOf(() => validateVitalityPolicy({ ...SEEDED, turnoutNumerator: 4 }))).toBe("vitality.policy.invalid");
    expect(codeOf(() => validateVitalityPolicy({ ...SEEDED, basicSatisfiedWeight: "1.5" }))).toBe("vitality.policy.invalid");
    expect(codeOf(() => validateVitalityPolicy({ ...SEEDED, nonPublicExtendedMinStaff: 120 }))).toBe("vitality.policy.invalid");
  });
});

describe("三 scope and 四.1 model", () => {
  const unit = (over: Partial<ScopeFacts>): ScopeFacts => ({
    orgType: "GRASSROOTS_UNION",
    unitNature: "PRIVATE",
    ownership: "NON_PUBLIC",
    staffCount: 100,
    enterpriseManaged: false,
    industryUnion: false,
    districtExtendsTo50: false,
    ...over,
  });
  it("non-public enterprise: 100 staff in (3+x), 99 out unless the district extends, 50 in when extended, 49 out", () => {
    expect(scopeOf(unit({ staffCount: 100 }), SEEDED)).toEqual({ inScope: true, reason: "NON_PUBLIC_100", model: "THREE_PLUS_X" });
    expect(scopeOf(unit({ staffCount: 99 }), SEEDED)).toEqual({ inScope: false, why: "nonPublicNotExtended" });
    expect(scopeOf(unit({ staffCount: 99, districtExtendsTo50: true }), SEEDED)).toEqual({ inScope: true, reason: "NON_PUBLIC_50", model: "THREE_PLUS_X" });
    expect(scopeOf(unit({ staffCount: 50, districtExtendsTo50: true }), SEEDED)).toEqual({ inScope: true, reason: "NON_PUBLIC_50", model: "THREE_PLUS_X" });
    expect(scopeOf(unit({ staffCount: 49, districtExtendsTo50: true }), SEEDED)).toEqual({ inScope: false, why: "nonPublicTooSmall" });
    expect(scopeOf(unit({ staffCount: null }), SEEDED)).toEqual({ inScope: false, why: "staffCountMissing" });
  });
  it("public-ownership enterprises are in whatever their size", () => {
    expect(scopeOf(unit({ unitNature: "STATE_OWNED", ownership: "PUBLIC", staffCount: 12 }), SEEDED)).toEqual({ inScope: true, reason: "PUBLIC_OWNERSHIP", model: "THREE_PLUS_X" });
    expect(scopeOf(unit({ unitNature: "JOINT_STOCK", ownership: "PUBLIC", staffCount: null }), SEEDED)).toMatchObject({ inScope: true, reason: "PUBLIC_OWNERSHIP" });
  });
  it("public institutions: 2+x, enterprise-managed ones 3+x", () => {
    expect(scopeOf(unit({ unitNature: "PUBLIC_INSTITUTION", ownership: "PUBLIC" }), SEEDED)).toEqual({ inScope: true, reason: "PUBLIC_INSTITUTION", model: "TWO_PLUS_X" });
    expect(scopeOf(unit({ unitNature: "PUBLIC_INSTITUTION", enterpriseManaged: true }), SEEDED)).toEqual({ inScope: true, reason: "ENTERPRISE_MANAGED_INSTITUTION", model: "THREE_PLUS_X" });
    expect(basicSystemsOf("TWO_PLUS_X")).toEqual(["ORGANISATION", "DEMOCRATIC_MANAGEMENT"]);
    expect(basicSystemsOf("THREE_PLUS_X")).toHaveLength(3);
  });
  it("joint grassroots unions and industry unions are in; other bodies are not units", () => {
    expect(scopeOf(unit({ orgType: "JOINT_GRASSROOTS_UNION", staffCount: 10 }), SEEDED)).toMatchObject({ inScope: true, reason: "JOINT_GRASSROOTS" });
    expect(scopeOf(unit({ orgType: "REGIONAL_FEDERATION", industryUnion: true }), SEEDED)).toMatchObject({ inScope: true, reason: "INDUSTRY_UNION" });
    expect(scopeOf(unit({ orgType: "REGIONAL_FEDERATION" }), SEEDED)).toEqual({ inScope: false, why: "notAUnit" });
    expect(scopeOf(unit({ orgType: "DISTRICT_FEDERATION" }), SEEDED)).toEqual({ inScope: false, why: "notAUnit" });
    expect(scopeOf(unit({ unitNature: null }), SEEDED)).toEqual({ inScope: false, why: "natureMissing" });
  });
  it("reads the staff counts from the policy", () => {
    expect(scopeOf(unit({ staffCount: 120 }), { nonPublicMinStaff: 150, nonPublicExtendedMinStaff: 50 })).toEqual({ inScope: false, why: "nonPublicNotExtended" });
  });
});

describe("四.2 turnout ≥ ⌈2/3 × due⌉", () => {
  it("20 of 30 is valid, 19 of 30 is not", () => {
    expect(turnout(20, 30, 30, SEEDED)).toEqual({ valid: true, problem: null, votes: 20, due: 30, required: 20 });
    expect(turnout(19, 30, 30, SEEDED)).toEqual({ valid: false, problem: "tooFew", votes: 19, due: 30, required: 20 });
  });
  it("rounds up when due is not divisible by 3", () => {
    expect(requiredVotes(31, SEEDED)).toBe(21); // 20.67
    expect(requiredVotes(32, SEEDED)).toBe(22); // 21.33
    expect(requiredVotes(29, SEEDED)).toBe(20); // 19.33
    expect(requiredVotes(1, SEEDED)).toBe(1);
    expect(requiredVotes(2, SEEDED)).toBe(2);
    expect(requiredVotes(3, SEEDED)).toBe(2);
    expect(turnout(20, 31, 31, SEEDED).valid).toBe(false);
    expect(turnout(21, 31, 31, SEEDED).valid).toBe(true);
    expect(turnout(19, 29, 29, SEEDED).valid).toBe(false);
    expect(turnout(20, 29, 29, SEEDED).valid).toBe(true);
  });
  it("exact in integers for large congresses", () => {
    expect(requiredVotes(3_000_000_001, SEEDED)).toBe(2_000_000_001);
    expect(requiredVotes(3_000_000_000, SEEDED)).toBe(2_000_000_000);
  });
  it("never more votes than codes handed out", () => {
    expect(turnout(25, 30, 24, SEEDED)).toMatchObject({ valid: false, problem: "moreThanHandedOut" });
    expect(turnout(24, 30, 24, SEEDED).valid).toBe(true);
    expect(turnout(24, 30, null, SEEDED).valid).toBe(true);
  });
  it("refuses a due count that is not a positive integer", () => {
    expect(codeOf(() => requiredVotes(0, SEEDED))).toBe("vitality.ballot.dueInvalid");
    expect(codeOf(() => requiredVotes(2.5, SEEDED))).toBe("vitality.ballot.dueInvalid");
  });
});

describe("四.2 members' rate (the one definition)", () => {
  it("基本满意 counts as satisfied in the seeded policy; denominator = papers on the item", () => {
    const r = memberRates({ satisfied: 12, basic: 6, dissatisfied: 2 }, SEEDED);
    expect(r.denominator).toBe(20);
    expect(r.satisfactionPercent.toString()).toBe("90");
    expect(r.dissatisfactionPercent.toString()).toBe("10");
  });
  it("a policy may count 基本满意 as half", () => {
    expect(memberRates({ satisfied: 12, basic: 6, dissatisfied: 2 }, { basicSatisfiedWeight: "0.5" }).satisfactionPercent.toString()).toBe("75");
  });
  it("keeps thirds exact (no float)", () => {
    const r = memberRates({ satisfied: 1, basic: 0, dissatisfied: 2 }, SEEDED);
    expect(formatPercent(r.satisfactionPercent)).toBe("33.33");
    expect(formatPercent(r.dissatisfactionPercent)).toBe("66.67");
    expect(r.satisfactionPercent.plus(r.dissatisfactionPercent).toString()).toBe("100");
  });
  it("refuses an empty tally", () => {
    expect(codeOf(() => memberRates({ satisfied: 0, basic: 0, dissatisfied: 0 }, SEEDED))).toBe("vitality.ballot.noVotes");
  });
});

describe("四.2 combined satisfaction = m × w + h × (1 − w)", () => {
  it("weights the members 80%", () => {
    expect(combinedSatisfaction("90", "60", SEEDED).toString()).toBe("84");
    expect(combinedSatisfaction("70", "70", SEEDED).toString()).toBe("70");
    expect(combinedSatisfaction("100", "0", SEEDED).toString()).toBe("80");
  });
  it("refuses rates outside 0–100", () => {
    expect(codeOf(() => combinedSatisfaction("100.01", "50", SEEDED))).toBe("vitality.rateOutOfRange");
    expect(codeOf(() => combinedSatisfaction("50", "-1", SEEDED))).toBe("vitality.rateOutOfRange");
  });
});

describe("五 classes: model ≥ 80%, up to standard ≥ 70%", () => {
  const done = { planRecorded: true, dualReportSubmitted: true };
  it.each([
    ["69.99", "BELOW_STANDARD"],
    ["70", "UP_TO_STANDARD"],
    ["79.99", "UP_TO_STANDARD"],
    ["80", "MODEL"],
    ["90", "MODEL"],
    ["90.01", "MODEL"],
  ])("combined %s%% → %s", (combined, expected) => {
    expect(classify(combined, done, SEEDED)).toBe(expected);
  });
  it("compares the exact value, not the rounded one", () => {
    expect(classify("69.995", done, SEEDED)).toBe("BELOW_STANDARD");
    expect(formatPercent("69.995")).toBe("70.00");
  });
  it("needs 3+x and 双述 done; no evaluation → not evaluated", () => {
    expect(classify("95", { planRecorded: false, dualReportSubmitted: true }, SEEDED)).toBe("BELOW_STANDARD");
    expect(classify("95", { planRecorded: true, dualReportSubmitted: false }, SEEDED)).toBe("BELOW_STANDARD");
    expect(classify(null, done, SEEDED)).toBe("NOT_EVALUATED");
  });
});

describe("四.2 consequences", () => {
  const year = (y: number, dis: string, combined: string | null = "60") => ({ year: y, dissatisfactionPercent: dis, combinedPercent: combined });
  it("dissatisfaction 50% → nothing; 50.01% → admonition talk and awards barred", () => {
    expect(consequencesFor(2026, [year(2026, "50")], "PRIVATE", SEEDED)).toMatchObject({ admonitionDue: false, awardsBarred: false, chairpersonAdjustmentDue: false });
    expect(consequencesFor(2026, [year(2026, "50.01")], "PRIVATE", SEEDED)).toMatchObject({
      dissatisfactionOverLimit: true,
      admonitionDue: true,
      awardsBarred: true,
      chairpersonAdjustmentDue: false,
      consecutiveOverLimit: 1,
    });
  });
  it("two consecutive years > 50% → the chairperson is adjusted", () => {
    const c = consequencesFor(2026, [year(2025, "50.01"), year(2026, "60")], "PRIVATE", SEEDED);
    expect(c).toMatchObject({ admonitionDue: true, chairpersonAdjustmentDue: true, consecutiveOverLimit: 2 });
  });
  it("the run breaks at a year at 50% or without a valid evaluation", () => {
    expect(consequencesFor(2026, [year(2024, "70"), year(2025, "50"), year(2026, "60")], "PRIVATE", SEEDED).chairpersonAdjustmentDue).toBe(false);
    expect(consequencesFor(2026, [year(2024, "70"), year(2026, "60")], "PRIVATE", SEEDED).chairpersonAdjustmentDue).toBe(false);
    // a later year does not count backwards
    expect(consequencesFor(2025, [year(2025, "60"), year(2026, "60")], "PRIVATE", SEEDED).chairpersonAdjustmentDue).toBe(false);
  });
  it("combined 90% → no priority; 90.01% → award priority", () => {
    expect(consequencesFor(2026, [year(2026, "0", "90")], "PRIVATE", SEEDED).awardPriority).toBe(false);
    expect(consequencesFor(2026, [year(2026, "0", "90.01")], "PRIVATE", SEEDED).awardPriority).toBe(true);
    expect(consequencesFor(2026, [year(2026, "0", null)], "PRIVATE", SEEDED).awardPriority).toBe(false);
  });
  it("state-owned enterprises and public institutions: cadre-management rules instead of the automatic consequences", () => {
    for (const nature of ["STATE_OWNED", "PUBLIC_INSTITUTION"]) {
      const c = consequencesFor(2026, [year(2025, "80"), year(2026, "80")], nature, SEEDED);
      expect(c).toMatchObject({ dissatisfactionOverLimit: true, admonitionDue: false, awardsBarred: false, chairpersonAdjustmentDue: false, cadreManagementRules: true });
    }
  });
  it("needs the year's result", () => {
    expect(codeOf(() => consequencesFor(2026, [year(2025, "10")], "PRIVATE", SEEDED))).toBe("vitality.noResultForYear");
  });
});
