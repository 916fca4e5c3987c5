/**
 * Gate rules of the vitality project (lib/authz/vitality-rules.ts): the upper union acts on units strictly
 * below it (三, 四.2), the unit's officer on its own unit, auditors read only, and nothing across districts.
 */
import { describe, expect, it } from "vitest";
import { can, type Actor } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";

const actor = (roles: Role[], orgPath: string, orgType: Actor["orgType"] = "DISTRICT_FEDERATION"): Actor => ({
  id: 1,
  username: "u",
  displayName: "U",
  roles,
  organizationId: 2,
  orgPath,
  orgType,
  orgName: "org",
});
const unit = (orgPath: string) => ({ type: "vitalityUnit" as const, id: 9, orgPath });

describe("vitality gate rules", () => {
  const reviewer = actor(["DISTRICT_REVIEWER"], "/1/2/");
  const officer = actor(["GRASSROOTS_OFFICER"], "/1/2/5/", "GRASSROOTS_UNION");
  const auditor = actor(["FINANCE_AUDITOR", "DISTRICT_REVIEWER"], "/1/2/");
  it("the upper union enrols, evaluates and runs ballots below it, never on itself or another district", () => {
    for (const action of ["vitality.enrol", "vitality.evaluate", "vitality.ballot", "vitality.view"] as const) {
      expect(can(reviewer, action, unit("/1/2/5/"))).toBe(true);
      expect(can(reviewer, action, unit("/1/3/7/"))).toBe(false);
    }
    expect(can(reviewer, "vitality.enrol", { type: "organization", id: 2, path: "/1/2/" })).toBe(false);
    expect(can(reviewer, "vitality.plan", unit("/1/2/5/"))).toBe(false);
  });
  it("the unit's officer records its plan and report and runs its ballot, but does not evaluate itself", () => {
    expect(can(officer, "vitality.plan", unit("/1/2/5/"))).toBe(true);
    expect(can(officer, "vitality.report", unit("/1/2/5/"))).toBe(true);
    expect(can(officer, "vitality.ballot", unit("/1/2/5/"))).toBe(true);
    expect(can(officer, "vitality.evaluate", unit("/1/2/5/"))).toBe(false);
    expect(can(officer, "vitality.enrol", unit("/1/2/5/"))).toBe(false);
    expect(can(officer, "vitality.plan", unit("/1/2/6/"))).toBe(false);
  });
  it("a reviewer who sits on the funds review committee does not evaluate; cadres see nothing", () => {
    expect(can(auditor, "vitality.evaluate", unit("/1/2/5/"))).toBe(false);
    expect(can(auditor, "vitality.view", unit("/1/2/5/"))).toBe(true);
    expect(can(actor(["CADRE"], "/1/2/5/", "GRASSROOTS_UNION"), "vitality.view", unit("/1/2/5/"))).toBe(false);
    expect(can(null, "vitality.view", unit("/1/2/5/"))).toBe(false);
  });
  it("policy data is managed at the city federation or by administrators", () => {
    expect(can(actor(["LEADING_GROUP_OFFICE"], "/1/", "CITY_FEDERATION"), "vitality.policy", { type: "system" })).toBe(true);
    expect(can(actor(["LEADING_GROUP_OFFICE"], "/1/2/"), "vitality.policy", { type: "system" })).toBe(false);
  });
});
