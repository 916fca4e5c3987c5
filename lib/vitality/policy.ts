/**
 * Vitality policy versions in force on a date (dated policy data like lib/policy for applications).
 * A ballot keeps the version in force on its meeting date.
 */
import type { Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { VitalityPolicy } from "@/lib/generated/prisma/client";
import { validateVitalityPolicy, type VitalityPolicyData } from "./rules";

/**
 * The VitalityPolicy with the latest effectiveFrom ≤ `on`.
 * @throws DomainError vitality.policy.missing when none is in force
 */
export async function vitalityPolicyInForce(client: Tx, on: Date): Promise<VitalityPolicy> {
  const policy = await client.vitalityPolicy.findFirst({ where: { effectiveFrom: { lte: on } }, orderBy: { effectiveFrom: "desc" } });
  if (!policy) throw new DomainError("vitality.policy.missing");
  return policy;
}

/** The rules' view of a policy row (Prisma Decimals pass as strings). */
export function policyData(p: VitalityPolicy): VitalityPolicyData {
  return {
    memberWeightPercent: p.memberWeightPercent.toString(),
    turnoutNumerator: p.turnoutNumerator,
    turnoutDenominator: p.turnoutDenominator,
    basicSatisfiedWeight: p.basicSatisfiedWeight.toString(),
    dissatisfactionLimitPercent: p.dissatisfactionLimitPercent.toString(),
    consecutiveForAdjustment: p.consecutiveForAdjustment,
    awardPriorityPercent: p.awardPriorityPercent.toString(),
    modelUnitPercent: p.modelUnitPercent.toString(),
    upToStandardPercent: p.upToStandardPercent.toString(),
    nonPublicMinStaff: p.nonPublicMinStaff,
    nonPublicExtendedMinStaff: p.nonPublicExtendedMinStaff,
  };
}

/** The seeded policy of 《实施方案》 (2014): w = 80%, 2/3, 基本满意 counts as satisfied, 50 / 2 / 90 / 80 / 70 %, 100 / 50 staff. */
export const SEED_POLICY_2014: VitalityPolicyData = {
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

/**
 * Insert a new dated policy version (validated: w ≥ 80%, 四.2) in `tx`.
 * @throws DomainError vitality.policy.memberWeightTooLow / vitality.policy.invalid
 */
export async function insertVitalityPolicy(tx: Tx, input: { code: string; title: string; effectiveFrom: Date; isDemo?: boolean } & VitalityPolicyData) {
  const { code, title, effectiveFrom, isDemo, ...data } = input;
  validateVitalityPolicy(data);
  return tx.vitalityPolicy.create({
    data: {
      code,
      title,
      effectiveFrom,
      isDemo: isDemo ?? false,
      ...data,
      memberWeightPercent: data.memberWeightPercent.toString(),
      basicSatisfiedWeight: data.basicSatisfiedWeight.toString(),
      dissatisfactionLimitPercent: data.dissatisfactionLimitPercent.toString(),
      awardPriorityPercent: data.awardPriorityPercent.toString(),
      modelUnitPercent: data.modelUnitPercent.toString(),
      upToStandardPercent: data.upToStandardPercent.toString(),
    },
  });
}
