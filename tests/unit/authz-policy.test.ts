import { describe, expect, it } from "vitest";
import { ACTIONS, STAGE_ROLE, can, type Action, type Actor, type Resource } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";

// Tree: /1/ city · /1/2/ district A (中山区) · /1/3/ district B (西岗区) · /1/2/10/ grassroots in A · /1/3/20/ grassroots in B
const actor = (roles: Role[], orgPath: string, id = 100, orgType: Actor["orgType"] = "DISTRICT_FEDERATION"): Actor => ({
  id,
  username: `u${id}`,
  displayName: `用户${id}`,
  roles,
  organizationId: Number(orgPath.split("/").filter(Boolean).at(-1)),
  orgPath,
  orgType,
  orgName: "测试",
});
const org = (path: string): Resource => ({ type: "organization", id: Number(path.split("/").filter(Boolean).at(-1)), path });
type ApplicationResource = Extract<Resource, { type: "application" }>;
const applicationAt = (stage: ApplicationResource["stage"], extra: Partial<ApplicationResource> = {}): Resource => ({
  type: "application",
  id: 1,
  applicantId: 500,
  orgPath: "/1/2/10/",
  reportingOrgPath: "/1/2/",
  stage,
  status: "IN_REVIEW",
  ...extra,
});

describe("can(): deny by default", () => {
  it("refuses a missing actor for every action", () => {
    for (const action of ACTIONS) expect(can(null, action, { type: "system" })).toBe(false);
  });
  it("refuses an unknown action and a resource of the wrong type", () => {
    const admin = actor(["ADMIN"], "/1/", 1, "CITY_FEDERATION");
    expect(can(admin, "no.such.action" as Action, { type: "system" })).toBe(false);
    expect(can(admin, "org.manage", { type: "system" })).toBe(false);
    expect(can(admin, "user.manage", { type: "fund", orgPath: "/1/" })).toBe(false);
  });
  it("refuses an actor with no roles everything but the session-only actions", () => {
    const nobody = actor([], "/1/2/");
    const allowed = ACTIONS.filter((a) => can(nobody, a, a === "notification.read" ? { type: "self", userId: nobody.id } : a === "org.view" ? org("/1/2/") : { type: "system" }));
    expect(allowed.sort()).toEqual(["home.view", "notification.read", "org.view"]);
  });
});

describe("can(): organisation subtree", () => {
  const reviewerA = actor(["DISTRICT_REVIEWER"], "/1/2/");
  it("lets a district reviewer see its own district and the unions under it", () => {
    expect(can(reviewerA, "org.view", org("/1/2/"))).toBe(true);
    expect(can(reviewerA, "org.view", org("/1/2/10/"))).toBe(true);
  });
  it("denies another district, its unions and the city above", () => {
    expect(can(reviewerA, "org.view", org("/1/3/"))).toBe(false);
    expect(can(reviewerA, "org.view", org("/1/3/20/"))).toBe(false);
    expect(can(reviewerA, "org.view", org("/1/"))).toBe(false);
  });
  it("does not confuse /1/2/ with /1/20/ (path prefix on segment boundaries)", () => {
    expect(can(reviewerA, "org.view", org("/1/20/"))).toBe(false);
  });
  it("limits administrators to their subtree", () => {
    const districtAdmin = actor(["ADMIN"], "/1/2/");
    expect(can(districtAdmin, "user.manage", { type: "user", id: 9, orgPath: "/1/2/10/" })).toBe(true);
    expect(can(districtAdmin, "user.manage", { type: "user", id: 9, orgPath: "/1/3/20/" })).toBe(false);
  });
});

describe("can(): the art. 18 review chain", () => {
  it("maps each stage to its role (18.1 grassroots, 18.2 district, 18.3 office and leading group)", () => {
    expect(STAGE_ROLE).toEqual({
      GRASSROOTS: "GRASSROOTS_OFFICER",
      DISTRICT: "DISTRICT_REVIEWER",
      OFFICE: "LEADING_GROUP_OFFICE",
      LEADING_GROUP: "LEADING_GROUP_MEMBER",
    });
  });
  it("lets only the stage's role review, in its subtree", () => {
    const grassroots = actor(["GRASSROOTS_OFFICER"], "/1/2/10/");
    const district = actor(["DISTRICT_REVIEWER"], "/1/2/");
    const otherDistrict = actor(["DISTRICT_REVIEWER"], "/1/3/");
    const office = actor(["LEADING_GROUP_OFFICE"], "/1/", 7, "CITY_FEDERATION");
    expect(can(grassroots, "application.review", applicationAt("GRASSROOTS"))).toBe(true);
    expect(can(grassroots, "application.review", applicationAt("DISTRICT"))).toBe(false);
    expect(can(district, "application.review", applicationAt("DISTRICT"))).toBe(true);
    expect(can(district, "application.review", applicationAt("GRASSROOTS"))).toBe(false);
    expect(can(otherDistrict, "application.review", applicationAt("DISTRICT"))).toBe(false);
    expect(can(office, "application.review", applicationAt("OFFICE"))).toBe(true);
    expect(can(office, "application.review", applicationAt("LEADING_GROUP"))).toBe(false);
  });
  it("lets only the city federation act at the office and leading-group stages (18.3)", () => {
    const districtOffice = actor(["LEADING_GROUP_OFFICE"], "/1/2/", 7, "DISTRICT_FEDERATION");
    const districtMember = actor(["LEADING_GROUP_MEMBER"], "/1/2/", 8, "DISTRICT_FEDERATION");
    const cityMember = actor(["LEADING_GROUP_MEMBER"], "/1/", 9, "CITY_FEDERATION");
    expect(can(districtOffice, "application.review", applicationAt("OFFICE"))).toBe(false);
    expect(can(districtMember, "application.review", applicationAt("LEADING_GROUP"))).toBe(false);
    expect(can(cityMember, "application.review", applicationAt("LEADING_GROUP"))).toBe(true);
  });
  it("never lets anyone review their own application", () => {
    const officeApplicant = actor(["LEADING_GROUP_OFFICE", "CADRE"], "/1/", 500, "CITY_FEDERATION");
    expect(can(officeApplicant, "application.review", applicationAt("OFFICE"))).toBe(false);
    const chair = actor(["CHAIRPERSON_MEETING"], "/1/", 500, "CITY_FEDERATION");
    expect(can(chair, "application.fastTrack", applicationAt("OFFICE"))).toBe(false);
  });
  it("refuses review of an application that is not in review", () => {
    const office = actor(["LEADING_GROUP_OFFICE"], "/1/", 7, "CITY_FEDERATION");
    expect(can(office, "application.review", applicationAt("OFFICE", { status: "APPROVED" }))).toBe(false);
    expect(can(office, "application.review", applicationAt(null, { status: "DRAFT" }))).toBe(false);
  });
  it("hides drafts from reviewers but not from the applicant", () => {
    const applicant = actor(["CADRE"], "/1/2/10/", 500);
    const district = actor(["DISTRICT_REVIEWER"], "/1/2/");
    const draft = applicationAt(null, { status: "DRAFT" });
    expect(can(applicant, "application.view", draft)).toBe(true);
    expect(can(district, "application.view", draft)).toBe(false);
    expect(can(district, "application.view", applicationAt("DISTRICT"))).toBe(true);
  });
  it("lets only the applicant edit, and only a draft or a returned application", () => {
    const applicant = actor(["CADRE"], "/1/2/10/", 500);
    const other = actor(["CADRE"], "/1/2/10/", 501);
    expect(can(applicant, "application.edit", applicationAt(null, { status: "RETURNED" }))).toBe(true);
    expect(can(applicant, "application.edit", applicationAt("GRASSROOTS"))).toBe(false);
    expect(can(other, "application.edit", applicationAt(null, { status: "DRAFT" }))).toBe(false);
  });
  it("lets a cadre file only in their own organisation", () => {
    const applicant = actor(["CADRE"], "/1/2/10/", 500);
    expect(can(applicant, "application.create", org("/1/2/10/"))).toBe(true);
    expect(can(applicant, "application.create", org("/1/2/11/"))).toBe(false);
  });
});

describe("can(): the fund (art. 12: auditors read only)", () => {
  const cityFund: Resource = { type: "fund", orgPath: "/1/" };
  const auditor = actor(["FINANCE_AUDITOR"], "/1/", 8, "CITY_FEDERATION");
  const office = actor(["LEADING_GROUP_OFFICE"], "/1/", 7, "CITY_FEDERATION");
  it("lets the funds review committee read reports but never pay, top up or settle", () => {
    expect(can(auditor, "fund.report", cityFund)).toBe(true);
    expect(can(auditor, "fund.pay", cityFund)).toBe(false);
    expect(can(auditor, "fund.manage", cityFund)).toBe(false);
    expect(can(auditor, "fund.settle", cityFund)).toBe(false);
  });
  it("lets the leading-group office pay and settle (art. 4.3, art. 14)", () => {
    expect(can(office, "fund.pay", cityFund)).toBe(true);
    expect(can(office, "fund.settle", cityFund)).toBe(true);
  });
  it("keeps a district auditor to its own district's fund and out of the city audit trail", () => {
    const districtAuditor = actor(["FINANCE_AUDITOR"], "/1/2/", 9);
    expect(can(districtAuditor, "fund.report", { type: "fund", orgPath: "/1/2/" })).toBe(true);
    expect(can(districtAuditor, "fund.report", cityFund)).toBe(false);
    expect(can(districtAuditor, "audit.view", { type: "system" })).toBe(false);
    expect(can(auditor, "audit.view", { type: "system" })).toBe(true);
  });
});
