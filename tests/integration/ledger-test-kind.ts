/**
 * A second kind of fund and a second source of payables, defined here for the
 * tests only, to prove the ledger serves every kind unchanged (issue 7): the
 * engine's posting, locks, idempotency, reversal, settlement, rollover and
 * verification run on them exactly as on the rights protection fund.
 *
 * The kind uses the schema's VITALITY_PROJECT value with a test definition
 * (its own holder types, annual inflow and categories); when the vitality
 * feature registers its real definition, this file still replaces it for the
 * test process only. The source "test.grant" is a grant to an organisation
 * whose payability lives in memory: a withdrawn grant can never be paid.
 */
import { registerFundKind, type FundKindDefinition } from "@/lib/ledger/kinds";
import { registerSource, type SourceDefinition } from "@/lib/ledger/sources";
import { DomainError } from "@/lib/errors";
import { yuan } from "@/lib/money";

export const TEST_KIND = "VITALITY_PROJECT" as const;
export const TEST_SOURCE = "test.grant";
/** Its reporting categories (a start-up grant on approval, a reward on acceptance). */
export const TEST_CATEGORIES = ["START_UP", "REWARD"] as const;

/** Grants withdrawn by their test "feature": their payables can never be paid. */
export const withdrawnGrants = new Set<number>();
/** Who approved each grant (LedgerEntry.approvedById of its payouts). */
export const grantApprovers = new Map<number, number>();

export const testKind: FundKindDefinition = {
  kind: TEST_KIND,
  holderTypes: new Set(["CITY_FEDERATION", "DISTRICT_FEDERATION"]),
  firstYear: 2020,
  naming: (org) => ({ name: `${org.name}测试专项经费`, accountSubject: "测试专项经费" }),
  async annualInflow(_tx, { orgType, year }) {
    if (orgType !== "CITY_FEDERATION" && orgType !== "DISTRICT_FEDERATION") throw new DomainError("fund.noAppropriation", { type: orgType });
    return { amount: yuan(orgType === "CITY_FEDERATION" ? "50000.00" : "20000.00"), memo: `${year}年度测试专项经费` };
  },
  categories: TEST_CATEGORIES,
};

export const testSource: SourceDefinition = {
  type: TEST_SOURCE,
  async neverPayable(_tx, payable) {
    if (!withdrawnGrants.has(payable.sourceId)) return null;
    return { code: "test.grantWithdrawn", values: { grant: payable.sourceId }, cancelReason: (seq) => `第 ${seq} 号支付已冲正；测试项目 ${payable.sourceId} 已撤销。` };
  },
  async approverOf(_tx, sourceId) {
    return grantApprovers.get(sourceId) ?? null;
  },
  payoutMemo: (p) => `测试拨付 ${p.category} 第${p.instalmentNo}笔`,
  async references(_client, ids) {
    return new Map(ids.map((id) => [id, `TG-${id}`]));
  },
};

/** Register the test kind and source in this test process. */
export function registerTestKind(): void {
  registerFundKind(testKind);
  registerSource(testSource);
}
