/**
 * A second review chain, defined in the tests only, to prove the engine (lib/approval) is
 * general: three levels (the unit's own union, the body it reports to, the city federation)
 * and a province-style confirmation step (confirm or refuse, no return) at a named level.
 */
import { defineChain } from "@/lib/approval/chain";

export type TestStage = "UNIT" | "DISTRICT" | "CITY" | "PROVINCE";

export const TEST_CHAIN = defineChain<TestStage, "inspectionNote">({
  key: "test-model-unit",
  title: "test-only chain (three levels and a confirmation)",
  errorPrefix: "testChain",
  approvePath: "CONFIRMED",
  steps: [
    { stage: "UNIT", role: "GRASSROOTS_OFFICER", scope: { kind: "own" }, deadlineDays: 5 },
    { stage: "DISTRICT", role: "DISTRICT_REVIEWER", scope: { kind: "reporting" }, deadlineDays: 10, requires: { FORWARD: ["inspectionNote"] } },
    { stage: "CITY", role: "LEADING_GROUP_OFFICE", scope: { kind: "city" }, deadlineDays: 10 },
    { stage: "PROVINCE", role: "CHAIRPERSON_MEETING", scope: { kind: "level", orgType: "CITY_FEDERATION" }, deadlineDays: 3, decisions: ["APPROVE", "REJECT"] },
  ],
});
