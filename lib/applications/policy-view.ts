/**
 * The policy data a page shows next to a form (art. 15–17 limits of the
 * version in force, formatted in yuan), so the UI explains each rule with
 * the numbers that will be applied.
 */
import { db } from "@/lib/db";
import { formatYuan } from "@/lib/money";
import { policyInForce } from "@/lib/policy/service";
import type { AidLimits } from "./amounts";
import { todayInChina } from "@/lib/dates";

export type LimitsView = { unfairTreatmentSubsidyMin: string; unfairTreatmentSubsidyMax: string; retaliationSubsidyMax: string; minimumWageSupportMaxMonths: number };

/** Limits of a policy version, formatted for display ("1,000.00"). */
export function limitsView(policy: AidLimits): LimitsView {
  return { unfairTreatmentSubsidyMin: formatYuan(policy.unfairTreatmentSubsidyMin), unfairTreatmentSubsidyMax: formatYuan(policy.unfairTreatmentSubsidyMax), retaliationSubsidyMax: formatYuan(policy.retaliationSubsidyMax), minimumWageSupportMaxMonths: policy.minimumWageSupportMaxMonths };
}

/** The policy version in force today and its limits. @throws DomainError policy.missing */
export async function policyToday() {
  const policy = await policyInForce(db(), todayInChina());
  return { policy, limits: limitsView(policy) };
}
