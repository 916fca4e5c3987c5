/**
 * The bank account number of a case: one masking rule (maskAccount) and one
 * gate rule (case.viewBankAccount) for the case page and the printable 申报表.
 */
import { describe, expect, it } from "vitest";
import { can, type Actor, type Resource } from "@/lib/authz";
import { accountFor, maskAccount } from "@/lib/cases/bank-account";
import type { OrgType, Role } from "@/lib/generated/prisma/enums";

const actor = (roles: Role[], orgPath: string, id = 1, orgType: OrgType = "GRASSROOTS_UNION"): Actor => ({
  id,
  username: `u${id}`,
  displayName: `用户${id}`,
  roles,
  organizationId: id,
  orgPath,
  orgType,
  orgName: "测试",
});
const aCase = (extra: Partial<Extract<Resource, { type: "case" }>> = {}) =>
  ({ type: "case", id: 9, applicantId: 500, orgPath: "/1/2/10/", reportingOrgPath: "/1/2/", stage: "OFFICE", status: "IN_REVIEW", ...extra }) as const;
const ACCOUNT = "6222020000000000001";

describe("maskAccount", () => {
  it("keeps only the last 4 characters", () => {
    expect(maskAccount(ACCOUNT)).toBe("****0001");
    expect(maskAccount("1234")).toBe("****");
    expect(maskAccount("")).toBeNull();
    expect(maskAccount(null)).toBeNull();
  });
});

describe("case.viewBankAccount (who sees the full number)", () => {
  const applicant = actor(["CADRE"], "/1/2/10/", 500);
  const office = actor(["LEADING_GROUP_OFFICE"], "/1/", 7, "CITY_FEDERATION");
  const otherCityOffice = actor(["LEADING_GROUP_OFFICE"], "/99/", 8, "CITY_FEDERATION");
  const auditorOffice = actor(["LEADING_GROUP_OFFICE", "FINANCE_AUDITOR"], "/1/", 9, "CITY_FEDERATION");
  const district = actor(["DISTRICT_REVIEWER"], "/1/2/", 3, "DISTRICT_FEDERATION");
  const leader = actor(["LEADING_GROUP_MEMBER"], "/1/", 4, "CITY_FEDERATION");
  const grassroots = actor(["GRASSROOTS_OFFICER"], "/1/2/10/", 5);

  it("shows it to the applicant (also on a draft) and to the paying office in whose subtree the case lies", () => {
    expect(can(applicant, "case.viewBankAccount", aCase({ status: "DRAFT", stage: null }))).toBe(true);
    expect(can(office, "case.viewBankAccount", aCase())).toBe(true);
    expect(accountFor(office, aCase({ status: "APPROVED" }), ACCOUNT)).toBe(ACCOUNT);
  });
  it("masks it for every other viewer (reviewers, leaders, the funds review committee, another city, a draft)", () => {
    for (const viewer of [district, leader, grassroots, otherCityOffice, auditorOffice]) {
      expect(can(viewer, "case.viewBankAccount", aCase())).toBe(false);
      expect(accountFor(viewer, aCase(), ACCOUNT)).toBe("****0001");
    }
    expect(can(office, "case.viewBankAccount", aCase({ status: "DRAFT", stage: null }))).toBe(false);
    expect(accountFor(district, aCase(), null)).toBeNull();
  });
});
