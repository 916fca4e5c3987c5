/**
 * Who may do what with the fund (lib/authz/policy.ts fund.*): the office pays,
 * tops up, requests subsidies and settles (第四条、第十一条、第十四条) in its
 * subtree; the funds review committee 经审会 only reads (第十二条), even when
 * the same person also holds the office role; a district sees its own fund only.
 */
import { describe, expect, it } from "vitest";
import { can, type Actor, type Resource } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";

const actor = (roles: Role[], orgPath: string, orgType: Actor["orgType"]): Actor => ({
  id: 7,
  username: "u7",
  displayName: "用户",
  roles,
  organizationId: Number(orgPath.split("/").filter(Boolean).at(-1)),
  orgPath,
  orgType,
  orgName: "测试",
});
const cityFund: Resource = { type: "fund", id: 1, orgPath: "/1/" };
const zhongshanFund: Resource = { type: "fund", id: 2, orgPath: "/1/2/" };
const xigangFund: Resource = { type: "fund", id: 3, orgPath: "/1/3/" };
const WRITES = ["fund.pay", "fund.manage", "fund.settle"] as const;
const READS = ["fund.view", "fund.report"] as const;

describe("fund authorization", () => {
  it("lets the city office write to the city fund and every district fund under it", () => {
    const office = actor(["LEADING_GROUP_OFFICE"], "/1/", "CITY_FEDERATION");
    for (const a of [...WRITES, ...READS]) for (const f of [cityFund, zhongshanFund, xigangFund]) expect(can(office, a, f)).toBe(true);
  });
  it("keeps the funds review committee read-only, also when the person holds the office role too (第十二条)", () => {
    const auditor = actor(["FINANCE_AUDITOR"], "/1/", "CITY_FEDERATION");
    const both = actor(["FINANCE_AUDITOR", "LEADING_GROUP_OFFICE"], "/1/", "CITY_FEDERATION");
    for (const who of [auditor, both]) {
      for (const a of WRITES) expect(can(who, a, cityFund)).toBe(false);
      for (const a of READS) expect(can(who, a, zhongshanFund)).toBe(true);
    }
  });
  it("keeps a district's auditor and office to the district's own fund", () => {
    const zsAuditor = actor(["FINANCE_AUDITOR"], "/1/2/", "DISTRICT_FEDERATION");
    const zsOffice = actor(["LEADING_GROUP_OFFICE"], "/1/2/", "DISTRICT_FEDERATION");
    expect(can(zsAuditor, "fund.report", zhongshanFund)).toBe(true);
    expect(can(zsAuditor, "fund.report", xigangFund)).toBe(false);
    expect(can(zsAuditor, "fund.report", cityFund)).toBe(false);
    expect(can(zsOffice, "fund.pay", zhongshanFund)).toBe(true);
    // A subsidy is decided on the upper (city) fund: not by the district itself.
    expect(can(zsOffice, "fund.manage", cityFund)).toBe(false);
  });
  it("gives cadres, reviewers and administrators no access to the fund", () => {
    for (const role of ["CADRE", "GRASSROOTS_OFFICER", "DISTRICT_REVIEWER", "ADMIN"] as const) {
      const who = actor([role], "/1/", "CITY_FEDERATION");
      for (const a of [...WRITES, ...READS]) expect(can(who, a, cityFund)).toBe(false);
    }
  });
  it("lets the leading group and the chairperson's office meeting read the reports (第十四条) but not pay", () => {
    for (const role of ["LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING"] as const) {
      const who = actor([role], "/1/", "CITY_FEDERATION");
      expect(can(who, "fund.report", cityFund)).toBe(true);
      expect(can(who, "fund.pay", cityFund)).toBe(false);
    }
  });
});
