/**
 * The rights protection fund as a kind of fund (lib/fund/kind.ts): 第十一条、
 * 第十三条 appropriation from the policy in force (city 300,000 / district
 * 100,000), holder types, reporting categories.
 */
import { describe, expect, it } from "vitest";
import { codeOf } from "../helpers/errors";
import { annualAppropriation, FUND_HOLDER_TYPES, PAID_ARTICLES, rightsProtectionFund } from "@/lib/fund/kind";

const POLICY = { cityFundAnnual: "300000.00", districtFundAnnual: "100000.00" };


describe("annual appropriation (第十一条、第十三条)", () => {
  it("reads 300,000 for the city federation and 100,000 for district, county and pilot-zone federations from the policy", () => {
    expect(annualAppropriation("CITY_FEDERATION", POLICY).toFixed(2)).toBe("300000.00");
    expect(annualAppropriation("DISTRICT_FEDERATION", POLICY).toFixed(2)).toBe("100000.00");
    expect(annualAppropriation("PILOT_ZONE_FEDERATION", POLICY).toFixed(2)).toBe("100000.00");
  });
  it("follows a changed policy (art. 19: data, not constants)", () => {
    expect(annualAppropriation("CITY_FEDERATION", { cityFundAnnual: "350000.50", districtFundAnnual: "1" }).toFixed(2)).toBe("350000.50");
  });
  it("refuses organisations that hold no fund", () => {
    expect(codeOf(() => annualAppropriation("GRASSROOTS_UNION", POLICY))).toBe("fund.noAppropriation");
    expect(codeOf(() => annualAppropriation("INDUSTRIAL_UNION", POLICY))).toBe("fund.noAppropriation");
  });
});

describe("the rights protection fund kind", () => {
  it("is held by the city, district/county and pilot-zone federations (第十一条 区市县工会以上工会领导机关)", () => {
    expect([...FUND_HOLDER_TYPES].sort()).toEqual(["CITY_FEDERATION", "DISTRICT_FEDERATION", "PILOT_ZONE_FEDERATION"]);
    expect(rightsProtectionFund.holderTypes).toBe(FUND_HOLDER_TYPES);
  });
  it("reports its payouts by article 15, 16, 17 and opens from 2008", () => {
    expect(rightsProtectionFund.categories).toEqual(PAID_ARTICLES);
    expect(rightsProtectionFund.firstYear).toBe(2008);
    expect(rightsProtectionFund.naming({ name: "中山区总工会" })).toEqual({ name: "中山区总工会基层工会干部权益保障基金", accountSubject: "基层工会干部权益保障基金" });
  });
});
