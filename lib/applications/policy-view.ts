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

export type LimitsView = { art15Min: string; art15Max: string; art16Max: string; art17MaxMonths: number };

/** Limits of a policy version, formatted for display ("1,000.00"). */
export function limitsView(policy: AidLimits): LimitsView {
  return { art15Min: formatYuan(policy.art15Min), art15Max: formatYuan(policy.art15Max), art16Max: formatYuan(policy.art16Max), art17MaxMonths: policy.art17MaxMonths };
}

/** The policy version in force today and its limits. @throws DomainError policy.missing */
export async function policyToday() {
  const policy = await policyInForce(db(), todayInChina());
  return { policy, limits: limitsView(policy) };
}
