/** Vitality project fixtures: the seeded 《实施方案》 policy (2014), created once per test database. */
import { db } from "@/lib/db";
import { insertVitalityPolicy, SEED_POLICY_2014 } from "@/lib/vitality/policy";

/** The policy in force from 2014-01-01 (w = 80%, 2/3, 50 / 90 / 80 / 70 %), created when missing. */
export async function ensureVitalityPolicy() {
  const existing = await db().vitalityPolicy.findFirst({ where: { effectiveFrom: new Date("2014-01-01T00:00:00Z") } });
  if (existing) return existing;
  return insertVitalityPolicy(db(), { code: "SSFA-2014-TEST", title: "《大连市基层工会活力建设项目实施方案》（测试）", effectiveFrom: new Date("2014-01-01T00:00:00Z"), ...SEED_POLICY_2014 });
}
