/**
 * The rights protection fund 基层工会干部权益保障基金 as a kind of fund of the
 * ledger (lib/ledger/kinds.ts): who holds one, what flows in each year, what
 * its payouts are reported by. Registered by lib/plugins.ts.
 */
import type { FundKindDefinition } from "@/lib/ledger/kinds";
import { positiveYuan } from "@/lib/ledger/rules/amounts";
import { DomainError } from "@/lib/errors";
import type { AidArticle, OrgType } from "@/lib/generated/prisma/enums";
import type { Decimal } from "@/lib/money";
import { yearStart } from "@/lib/dates";
import { policyInForce } from "@/lib/policy/service";

/** The kind of the rights protection fund (Fund.kind). */
export const RIGHTS_PROTECTION = "RIGHTS_PROTECTION" as const;

/** The articles whose money the fund pays (第十五条、第十六条 one-off subsidies, 第十七条 monthly support): its reporting categories. */
export const PAID_ARTICLES = ["ART15", "ART16", "ART17"] as const satisfies readonly AidArticle[];

/** Earliest year a fund may open: 《办法》 was issued in 2008. */
export const FIRST_FUND_YEAR = 2008;

/** Union bodies that hold a fund (第十一条 "区市县工会以上工会领导机关"). */
export const FUND_HOLDER_TYPES: ReadonlySet<OrgType> = new Set(["CITY_FEDERATION", "DISTRICT_FEDERATION", "PILOT_ZONE_FEDERATION"]);

/** Policy amounts the annual appropriation is read from (PolicyVersion). */
export type FundPolicy = { cityFundAnnual: { toString(): string }; districtFundAnnual: { toString(): string } };

/**
 * Annual budget appropriation of a fund (第十一条: 市总工会为30万元，区市县总工会为10万元;
 * 第十三条: 来源以预算拨款为主), read from the policy in force — never a constant.
 * @returns yuan (positive)
 * @throws DomainError fund.noAppropriation when the organisation type holds no fund
 */
export function annualAppropriation(orgType: OrgType, policy: FundPolicy): Decimal {
  switch (orgType) {
    case "CITY_FEDERATION":
      return positiveYuan(policy.cityFundAnnual);
    case "DISTRICT_FEDERATION":
    case "PILOT_ZONE_FEDERATION":
      return positiveYuan(policy.districtFundAnnual);
    default:
      throw new DomainError("fund.noAppropriation", { type: orgType });
  }
}

/** Is `value` one of the articles the fund pays? */
export function isPaidArticle(value: string | null): value is (typeof PAID_ARTICLES)[number] {
  return value !== null && (PAID_ARTICLES as readonly string[]).includes(value);
}

/** The rights protection fund's definition for the ledger. */
export const rightsProtectionFund: FundKindDefinition = {
  kind: RIGHTS_PROTECTION,
  holderTypes: FUND_HOLDER_TYPES,
  firstYear: FIRST_FUND_YEAR,
  naming: (org) => ({ name: `${org.name}基层工会干部权益保障基金`, accountSubject: "基层工会干部权益保障基金" }),
  // 第十一条/第十三条: the appropriation of the policy in force on 1 January of the year.
  async annualInflow(tx, { orgType, year }) {
    const policy = await policyInForce(tx, yearStart(year));
    return {
      amount: annualAppropriation(orgType, policy),
      memo: `${year}年度预算拨款（依据《办法》第十一条、第十三条，政策版本 ${policy.code}）`,
    };
  },
  categories: PAID_ARTICLES,
};
