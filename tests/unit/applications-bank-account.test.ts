/**
 * The bank account number of an application: one masking rule (maskAccount) and one
 * gate rule (application.viewBankAccount) for the application page and the printable 申报表.
 */
import { describe, expect, it } from "vitest";
import { can, type Actor, type Resource } from "@/lib/authz";
import { accountFor, maskAccount } from "@/lib/applications/bank-account";
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
const aApplication = (extra: Partial<Extract<Resource, { type: "application" }>> = {}) =>
  ({ type: "application", id: 9, applicantId: 500, orgPath: "/1/2/10/", reportingOrgPath: "/1/2/", stage: "OFFICE", status: "IN_REVIEW", ...extra }) as const;
const ACCOUNT = "6222020000000000001";

describe("maskAccount", () => {
  it("keeps only the last 4 characters", () => {
    expect(maskAccount(ACCOUNT)).toBe("****0001");
    expect(maskAccount("1234")).toBe("****");
    expect(maskAccount("")).toBeNull();
    expect(maskAccount(null)).toBeNull();
  });
});

describe("application.viewBankAccount (who sees the full number)", () => {
  const applicant = actor(["CADRE"], "/1/2/10/", 500);
  const office = actor(["LEADING_GROUP_OFFICE"], "/1/", 7, "CITY_FEDERATION");
  const otherCityOffice = actor(["LEADING_GROUP_OFFICE"], "/99/", 8, "CITY_FEDERATION");
  const auditorOffice = actor(["LEADING_GROUP_OFFICE", "FINANCE_AUDITOR"], "/1/", 9, "CITY_FEDERATION");
  const district = actor(["DISTRICT_REVIEWER"], "/1/2/", 3, "DISTRICT_FEDERATION");
  const leader = actor(["LEADING_GROUP_MEMBER"], "/1/", 4, "CITY_FEDERATION");
  const grassroots = actor(["GRASSROOTS_OFFICER"], "/1/2/10/", 5);

  it("shows it to the applicant (also on a draft) and to the paying office in whose subtree the application lies", () => {
    expect(can(applicant, "application.viewBankAccount", aApplication({ status: "DRAFT", stage: null }))).toBe(true);
    expect(can(office, "application.viewBankAccount", aApplication())).toBe(true);
    expect(accountFor(office, aApplication({ status: "APPROVED" }), ACCOUNT)).toBe(ACCOUNT);
  });
  it("masks it for every other viewer (reviewers, leaders, the funds review committee, another city, a draft)", () => {
    for (const viewer of [district, leader, grassroots, otherCityOffice, auditorOffice]) {
      expect(can(viewer, "application.viewBankAccount", aApplication())).toBe(false);
      expect(accountFor(viewer, aApplication(), ACCOUNT)).toBe("****0001");
    }
    expect(can(office, "application.viewBankAccount", aApplication({ status: "DRAFT", stage: null }))).toBe(false);
    expect(accountFor(district, aApplication(), null)).toBeNull();
  });
});
