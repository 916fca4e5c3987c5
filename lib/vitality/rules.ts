/**
 * Pure rules of the grassroots union vitality project (seed 001 《大连市基层工会活力建设项目实施方案》,
 * §三 project scope, §四.1 "3+x", §四.2 双述双评, §五.1–2 model / up-to-standard units).
 *
 * No I/O and no clock. Every threshold, weight and staff count comes from a dated policy row
 * (`VitalityPolicyData`, table VitalityPolicy); the only constant is the seed's own floor on the
 * members' weight (四.2 "会员（代表）权重不低于80%"), which a policy may not go below.
 *
 * Rates are percentages as decimal.js values (e.g. 80 = 80%), computed exactly and compared
 * unrounded; `formatPercent` rounds half-up to 2 places for display only.
 */
import DecimalJs from "decimal.js";
import { DomainError } from "@/lib/errors";

/** decimal.js for rates: 30 significant digits, half-up. */
export const Rate = DecimalJs.clone({ precision: 30, rounding: DecimalJs.ROUND_HALF_UP });
export type Rate = DecimalJs;
type RateValue = DecimalJs.Value | { toString(): string };
const rate = (v: RateValue): Rate => new Rate(typeof v === "object" ? v.toString() : v);

/** 四.2 "会员（代表）权重不低于80%": the floor every policy's members' weight must respect, percent. */
export const MEMBER_WEIGHT_FLOOR_PERCENT = new Rate(80);

// ───────────────────────────── Policy data ─────────────────────────────

/**
 * The thresholds of one dated VitalityPolicy row. Percentages are percent values
 * ("80.00" = 80%); `basicSatisfiedWeight` is a fraction 0–1.
 */
export type VitalityPolicyData = {
  /** 四.2 members' weight w in the combined rate, percent, ≥ 80 */
  memberWeightPercent: RateValue;
  /** 四.2 "不少于应到会会员（代表）总数的三分之二": turnout fraction numerator / denominator */
  turnoutNumerator: number;
  turnoutDenominator: number;
  /** how much one 基本满意 counts toward the members' satisfaction (1 = fully, as 满意) */
  basicSatisfiedWeight: RateValue;
  /** 四.2 "不满意率超过50%": dissatisfaction above this → admonition talk, awards barred */
  dissatisfactionLimitPercent: RateValue;
  /** 四.2 "连续两次 … 超过50%": this many consecutive evaluations above the limit → chairperson adjusted */
  consecutiveForAdjustment: number;
  /** 四.2 "综合满意率超过90%": above this → award priority */
  awardPriorityPercent: RateValue;
  /** 五.1 典型单位 "综合满意率达到80％以上" */
  modelUnitPercent: RateValue;
  /** 五.2 达标单位 "综合满意率达到70％以上" */
  upToStandardPercent: RateValue;
  /** 三 "百人以上非公企业" */
  nonPublicMinStaff: number;
  /** 三 "有条件的区市县和产业可向百人以下五十人以上非公企业拓展" */
  nonPublicExtendedMinStaff: number;
};

/**
 * Check a policy before it is saved.
 * @throws DomainError vitality.policy.memberWeightTooLow when w < 80% (四.2), vitality.policy.invalid
 *   when a value is out of its range (weights 0–100, fractions in (0, 1], thresholds 0–100, staff counts ≥ 1).
 */
export function validateVitalityPolicy(p: VitalityPolicyData): void {
  const w = rate(p.memberWeightPercent);
  if (w.lt(MEMBER_WEIGHT_FLOOR_PERCENT)) throw new DomainError("vitality.policy.memberWeightTooLow", { weight: w.toFixed(2), floor: "80" });
  const percent = (v: RateValue) => rate(v).gte(0) && rate(v).lte(100);
  const ok =
    percent(w) &&
    Number.isInteger(p.turnoutNumerator) &&
    Number.isInteger(p.turnoutDenominator) &&
    p.turnoutNumerator > 0 &&
    p.turnoutDenominator > 0 &&
    p.turnoutNumerator <= p.turnoutDenominator &&
    rate(p.basicSatisfiedWeight).gte(0) &&
    rate(p.basicSatisfiedWeight).lte(1) &&
    percent(p.dissatisfactionLimitPercent) &&
    percent(p.awardPriorityPercent) &&
    percent(p.modelUnitPercent) &&
    percent(p.upToStandardPercent) &&
    rate(p.upToStandardPercent).lte(rate(p.modelUnitPercent)) &&
    Number.isInteger(p.consecutiveForAdjustment) &&
    p.consecutiveForAdjustment >= 1 &&
    Number.isInteger(p.nonPublicMinStaff) &&
    Number.isInteger(p.nonPublicExtendedMinStaff) &&
    p.nonPublicExtendedMinStaff >= 1 &&
    p.nonPublicExtendedMinStaff <= p.nonPublicMinStaff;
  if (!ok) throw new DomainError("vitality.policy.invalid");
}

// ───────────────────────────── 三 Scope and 四.1 model ─────────────────────────────

/** 四.1: "3+x" (organisation, collective consultation, democratic management) or "2+x" for public institutions. */
export type VitalityModel = "THREE_PLUS_X" | "TWO_PLUS_X";
/** The three basic systems 三项基本制度 (四.1). */
export type BasicSystem = "ORGANISATION" | "COLLECTIVE_CONSULTATION" | "DEMOCRATIC_MANAGEMENT";

/** 四.1: the basic systems of each model — public institutions drop collective consultation. */
export function basicSystemsOf(model: VitalityModel): BasicSystem[] {
  return model === "THREE_PLUS_X" ? ["ORGANISATION", "COLLECTIVE_CONSULTATION", "DEMOCRATIC_MANAGEMENT"] : ["ORGANISATION", "DEMOCRATIC_MANAGEMENT"];
}

/** Why a unit is in the project (三). */
export type ScopeReason =
  | "NON_PUBLIC_100" // 百人以上非公企业
  | "NON_PUBLIC_50" // 百人以下五十人以上非公企业（区市县/产业选择拓展）
  | "PUBLIC_OWNERSHIP" // 公有制（国有及国有控股）企业
  | "ENTERPRISE_MANAGED_INSTITUTION" // 企业化管理的事业单位
  | "PUBLIC_INSTITUTION" // 事业单位（差异化模式 2+x）
  | "JOINT_GRASSROOTS" // 联合基层工会
  | "INDUSTRY_UNION"; // 市级、县区级行业工会

/** Why a unit is not in scope (message key suffix under errors.vitality.scope). */
export type OutOfScope = "nonPublicTooSmall" | "nonPublicNotExtended" | "staffCountMissing" | "natureMissing" | "notAUnit";

/** The facts of a unit's project profile that decide scope (附件1 note: 9 natures). */
export type ScopeFacts = {
  orgType: "GRASSROOTS_UNION" | "JOINT_GRASSROOTS_UNION" | "REGIONAL_FEDERATION" | string;
  unitNature: string | null;
  ownership: "PUBLIC" | "NON_PUBLIC" | null;
  staffCount: number | null;
  /** 事业单位 run as an enterprise (企业化管理) */
  enterpriseManaged: boolean;
  /** a city or district 行业工会 (REGIONAL_FEDERATION of one industry) */
  industryUnion: boolean;
  /** the district / industrial union has opted to extend to non-public enterprises of 50–99 staff (三) */
  districtExtendsTo50: boolean;
};

export type ScopeResult = { inScope: true; reason: ScopeReason; model: VitalityModel } | { inScope: false; why: OutOfScope };

/**
 * 三 项目范围 and 四.1 model: whether a unit takes part and with which model.
 * Public-ownership = state-owned and state-holding (三 "公有制（国有及国有控股，以下同）").
 * Public institutions take part "差异化" with "2+x"; enterprise-managed ones with "3+x".
 */
export function scopeOf(f: ScopeFacts, p: Pick<VitalityPolicyData, "nonPublicMinStaff" | "nonPublicExtendedMinStaff">): ScopeResult {
  if (f.orgType === "JOINT_GRASSROOTS_UNION") return { inScope: true, reason: "JOINT_GRASSROOTS", model: "THREE_PLUS_X" };
  if (f.orgType === "REGIONAL_FEDERATION") {
    return f.industryUnion ? { inScope: true, reason: "INDUSTRY_UNION", model: "THREE_PLUS_X" } : { inScope: false, why: "notAUnit" };
  }
  if (f.orgType !== "GRASSROOTS_UNION") return { inScope: false, why: "notAUnit" };
  if (f.unitNature === "PUBLIC_INSTITUTION") {
    return f.enterpriseManaged
      ? { inScope: true, reason: "ENTERPRISE_MANAGED_INSTITUTION", model: "THREE_PLUS_X" }
      : { inScope: true, reason: "PUBLIC_INSTITUTION", model: "TWO_PLUS_X" };
  }
  if (f.unitNature === null) return { inScope: false, why: "natureMissing" };
  if (f.unitNature === "STATE_OWNED" || f.ownership === "PUBLIC") return { inScope: true, reason: "PUBLIC_OWNERSHIP", model: "THREE_PLUS_X" };
  if (f.staffCount === null) return { inScope: false, why: "staffCountMissing" };
  if (f.staffCount >= p.nonPublicMinStaff) return { inScope: true, reason: "NON_PUBLIC_100", model: "THREE_PLUS_X" };
  if (f.staffCount >= p.nonPublicExtendedMinStaff) {
    return f.districtExtendsTo50 ? { inScope: true, reason: "NON_PUBLIC_50", model: "THREE_PLUS_X" } : { inScope: false, why: "nonPublicNotExtended" };
  }
  return { inScope: false, why: "nonPublicTooSmall" };
}

// ───────────────────────────── 四.2 Turnout ─────────────────────────────

/**
 * 四.2 "参加评议的会员（代表）不少于应到会会员（代表）总数的三分之二": the least number of votes
 * for a valid ballot, ⌈due × num / den⌉ in integer arithmetic (30 → 20, 31 → 21, 29 → 20, 1 → 1).
 * @throws DomainError vitality.ballot.dueInvalid when `due` is not a positive integer
 */
export function requiredVotes(due: number, p: Pick<VitalityPolicyData, "turnoutNumerator" | "turnoutDenominator">): number {
  if (!Number.isSafeInteger(due) || due < 1) throw new DomainError("vitality.ballot.dueInvalid");
  const n = due * p.turnoutNumerator;
  return Math.floor((n + p.turnoutDenominator - 1) / p.turnoutDenominator);
}

/** Outcome of the turnout check: valid, or why not, with the figures shown on the result page. */
export type TurnoutResult = {
  valid: boolean;
  /** "tooFew" below ⌈2/3 × due⌉; "moreThanHandedOut" when votes exceed the slips handed out (a count error) */
  problem: "tooFew" | "moreThanHandedOut" | null;
  votes: number;
  due: number;
  required: number;
};

/**
 * 四.2 validity of a ballot: votes ≥ ⌈2/3 × due⌉, and never more votes than codes (slips) handed out.
 * `handedOut` null = not recorded (paper totals confirmed by the tellers).
 */
export function turnout(votes: number, due: number, handedOut: number | null, p: Pick<VitalityPolicyData, "turnoutNumerator" | "turnoutDenominator">): TurnoutResult {
  const required = requiredVotes(due, p);
  const problem = handedOut !== null && votes > handedOut ? "moreThanHandedOut" : votes < required ? "tooFew" : null;
  return { valid: problem === null, problem, votes, due, required };
}

// ───────────────────────────── 四.2 Members' rate ─────────────────────────────

/** The answers of a ballot item (四.2 民主评议): 满意 / 基本满意 / 不满意. */
export type AnswerCounts = { satisfied: number; basic: number; dissatisfied: number };

/** Members' rates of one item with their denominator (shown on the result page). */
export type MemberRates = {
  /** papers counted on the item = satisfied + basic + dissatisfied */
  denominator: number;
  /** (满意 + 基本满意 × basicSatisfiedWeight) / denominator × 100 */
  satisfactionPercent: Rate;
  /** 不满意 / denominator × 100 */
  dissatisfactionPercent: Rate;
};

/**
 * THE one place that defines the members' rate (四.2). The rate is taken on the ballot's item
 * "the committee's work" (本届工会委员会工作, the item that drives the rate; the chairperson and each
 * basic system are shown beside it). 满意 counts fully; 基本满意 counts `basicSatisfiedWeight` (policy
 * data, 1 in the seeded policy: 基本满意 is satisfied); 不满意 counts toward the dissatisfaction rate.
 * The denominator is the number of papers counted on that item (every paper answers every item).
 * @throws DomainError vitality.ballot.noVotes when the denominator is 0
 */
export function memberRates(c: AnswerCounts, p: Pick<VitalityPolicyData, "basicSatisfiedWeight">): MemberRates {
  const denominator = c.satisfied + c.basic + c.dissatisfied;
  if (denominator === 0) throw new DomainError("vitality.ballot.noVotes");
  const satisfied = new Rate(c.satisfied).plus(new Rate(c.basic).times(rate(p.basicSatisfiedWeight)));
  return {
    denominator,
    satisfactionPercent: satisfied.times(100).div(denominator),
    dissatisfactionPercent: new Rate(c.dissatisfied).times(100).div(denominator),
  };
}

// ───────────────────────────── 四.2 Combined satisfaction ─────────────────────────────

/**
 * 四.2 综合满意率 = members' satisfaction × w + higher organisations' evaluation × (1 − w), percent.
 * @throws DomainError vitality.policy.memberWeightTooLow when w < 80%; vitality.rateOutOfRange when an input is outside 0–100
 */
export function combinedSatisfaction(memberPercent: RateValue, higherPercent: RateValue, p: Pick<VitalityPolicyData, "memberWeightPercent">): Rate {
  const w = rate(p.memberWeightPercent);
  if (w.lt(MEMBER_WEIGHT_FLOOR_PERCENT)) throw new DomainError("vitality.policy.memberWeightTooLow", { weight: w.toFixed(2), floor: "80" });
  const m = rate(memberPercent);
  const h = rate(higherPercent);
  for (const v of [m, h, w]) if (v.lt(0) || v.gt(100)) throw new DomainError("vitality.rateOutOfRange");
  return m.times(w).plus(h.times(new Rate(100).minus(w))).div(100);
}

// ───────────────────────────── 五 Classes ─────────────────────────────

/** 五.1 典型单位 / 五.2 达标单位 / below standard; NOT_EVALUATED without a valid members' ballot and a higher evaluation. */
export type VitalityClass = "MODEL" | "UP_TO_STANDARD" | "BELOW_STANDARD" | "NOT_EVALUATED";

/** What 五 requires besides the rate: 3+x in place (a plan recorded) and 双述 done (report submitted). */
export type ClassPrerequisites = { planRecorded: boolean; dualReportSubmitted: boolean };

/**
 * 五.1 model unit: full 3+x and 双述双评, combined ≥ 80%; 五.2 up to standard: 3+x and 双述双评, ≥ 70%.
 * `combined` null = not evaluated this year (no valid ballot or no higher evaluation).
 */
export function classify(combined: RateValue | null, pre: ClassPrerequisites, p: Pick<VitalityPolicyData, "modelUnitPercent" | "upToStandardPercent">): VitalityClass {
  if (combined === null) return "NOT_EVALUATED";
  const c = rate(combined);
  if (!pre.planRecorded || !pre.dualReportSubmitted) return "BELOW_STANDARD";
  if (c.gte(rate(p.modelUnitPercent))) return "MODEL";
  if (c.gte(rate(p.upToStandardPercent))) return "UP_TO_STANDARD";
  return "BELOW_STANDARD";
}

// ───────────────────────────── 四.2 Consequences ─────────────────────────────

/** One year's evaluated result of a unit (valid ballots only). */
export type YearResult = { year: number; dissatisfactionPercent: RateValue; combinedPercent: RateValue | null };

/** The consequences of a year (四.2), shown on the unit's record and in the upper union's list. */
export type Consequences = {
  /** dissatisfaction > limit this year (a fact, shown for every unit) */
  dissatisfactionOverLimit: boolean;
  /** 诫勉谈话 due, with a rectification deadline (not for SOE / public institutions) */
  admonitionDue: boolean;
  /** 取消评先选优资格 this year */
  awardsBarred: boolean;
  /** 连续两次 > limit → the chairperson is adjusted */
  chairpersonAdjustmentDue: boolean;
  /** 综合满意率超过90% → 评先选优时优先考虑 */
  awardPriority: boolean;
  /** 四.2 last sentence: 国有企业和事业单位工会主席的评议，按照干部管理的相关规定执行 — instead of the automatic consequences */
  cadreManagementRules: boolean;
  /** consecutive evaluated years above the limit, ending with `year` */
  consecutiveOverLimit: number;
};

/** 四.2 last sentence: SOE (国有及国有控股) and public institutions (事业单位) follow cadre-management rules. */
export function followsCadreManagementRules(unitNature: string | null): boolean {
  return unitNature === "STATE_OWNED" || unitNature === "PUBLIC_INSTITUTION";
}

/**
 * 四.2 consequences for `year` from the unit's history of valid evaluations.
 * "连续两次" is read as consecutive years: the run breaks at a year without a valid evaluation.
 * For SOE / public institutions the admonition talk, the awards bar and the chairperson adjustment are not
 * set automatically (cadre-management rules apply, `cadreManagementRules`); award priority stays (it
 * concerns the union and its enterprise).
 * @throws DomainError vitality.noResultForYear when `history` has no entry for `year`
 */
export function consequencesFor(
  year: number,
  history: YearResult[],
  unitNature: string | null,
  p: Pick<VitalityPolicyData, "dissatisfactionLimitPercent" | "consecutiveForAdjustment" | "awardPriorityPercent">,
): Consequences {
  const byYear = new Map(history.map((h) => [h.year, h]));
  const current = byYear.get(year);
  if (!current) throw new DomainError("vitality.noResultForYear", { year });
  const limit = rate(p.dissatisfactionLimitPercent);
  const over = (h: YearResult | undefined) => h !== undefined && rate(h.dissatisfactionPercent).gt(limit);
  let run = 0;
  for (let y = year; over(byYear.get(y)); y--) run++;
  const cadre = followsCadreManagementRules(unitNature);
  const exceeded = run > 0;
  return {
    dissatisfactionOverLimit: exceeded,
    admonitionDue: exceeded && !cadre,
    awardsBarred: exceeded && !cadre,
    chairpersonAdjustmentDue: run >= p.consecutiveForAdjustment && !cadre,
    awardPriority: current.combinedPercent !== null && rate(current.combinedPercent).gt(rate(p.awardPriorityPercent)) && !exceeded,
    cadreManagementRules: cadre,
    consecutiveOverLimit: run,
  };
}

/** "80.00" — a rate rounded half-up to 2 places, for display (comparisons use the exact value). */
export function formatPercent(v: RateValue): string {
  return rate(v).toDecimalPlaces(2, DecimalJs.ROUND_HALF_UP).toFixed(2);
}
