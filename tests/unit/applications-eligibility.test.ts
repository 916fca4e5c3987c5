/** Art. 2: who is covered — chairperson, vice-chairperson, other full-time cadres of an affiliated grassroots union. */
import { describe, expect, it } from "vitest";
import { checkEligibility } from "@/lib/applications/eligibility";

const base = { fullTime: false, orgType: "GRASSROOTS_UNION" as const, affiliated: true };

describe("art. 2 eligibility", () => {
  it("covers chairpersons and vice-chairpersons, full-time or not", () => {
    expect(checkEligibility({ ...base, position: "CHAIRPERSON" })).toEqual({ eligible: true, byReference: false, problems: [] });
    expect(checkEligibility({ ...base, position: "VICE_CHAIRPERSON" }).eligible).toBe(true);
  });
  it("covers other cadres only when full-time (其他专职工会干部)", () => {
    expect(checkEligibility({ ...base, position: "FULL_TIME_CADRE", fullTime: true }).eligible).toBe(true);
    expect(checkEligibility({ ...base, position: "FULL_TIME_CADRE", fullTime: false })).toMatchObject({ eligible: false, problems: ["notFullTime"] });
  });
  it("refuses a part-time cadre with another position (the demo cadre3) and an unknown position", () => {
    expect(checkEligibility({ ...base, position: "OTHER" })).toMatchObject({ eligible: false, problems: ["positionNotCovered"] });
    expect(checkEligibility({ ...base, position: null })).toMatchObject({ eligible: false, problems: ["positionNotCovered"] });
  });
  it("covers joint grassroots unions and regional federations by reference (para. 2)", () => {
    expect(checkEligibility({ ...base, position: "CHAIRPERSON", orgType: "JOINT_GRASSROOTS_UNION" })).toEqual({ eligible: true, byReference: true, problems: [] });
    expect(checkEligibility({ ...base, position: "CHAIRPERSON", orgType: "REGIONAL_FEDERATION" })).toMatchObject({ eligible: true, byReference: true });
  });
  it("refuses cadres of district federations and industrial unions, and unions not affiliated to the city", () => {
    expect(checkEligibility({ ...base, position: "CHAIRPERSON", orgType: "DISTRICT_FEDERATION" }).problems).toEqual(["orgNotGrassroots"]);
    expect(checkEligibility({ ...base, position: "CHAIRPERSON", orgType: "INDUSTRIAL_UNION" }).problems).toEqual(["orgNotGrassroots"]);
    expect(checkEligibility({ ...base, position: "OTHER", affiliated: false }).problems).toEqual(["positionNotCovered", "notAffiliated"]);
  });
});
