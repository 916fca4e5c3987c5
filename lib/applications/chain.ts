/**
 * THE art. 18 review chain (《办法》第十八条), written once. The gate (lib/authz/policy.ts:
 * application.review, application.fastTrack), the commands (./commands.ts), the queues
 * (./queries.ts), the deadlines and reminders (./reminders.ts, ReviewDeadline), the settings
 * page and the action panel all read this definition through the engine (lib/approval).
 *
 * - 18.1 所在单位工会研究提出意见 — the applicant's own union (GRASSROOTS_OFFICER, own organisation);
 * - 18.2 区市县总工会、产业工会调查核实 — the body it reports to (DISTRICT_REVIEWER); forwarding
 *   requires the verification findings and the date verified (checked once: `missingFields`);
 * - 18.3 市总工会维权领导小组办公室提出初审意见 — the city federation's office (LEADING_GROUP_OFFICE),
 *   forwarding records the proposed amount/months (art. 15–17, the "proposal" hook);
 * - 18.3 领导小组审议决定 — the city federation's leading group (LEADING_GROUP_MEMBER) approves (amount/months
 *   checked against the application's policy version on every APPROVE, also the fast track's) or rejects;
 * - 18.3 "特殊情况可直接由各级主席办公会议审定批准" — the fast track: the chairperson's office meeting of a
 *   level covering the application approves from any step (decision path CHAIRPERSON_MEETING).
 *
 * `deadlineDays` are the defaults seeded into ReviewDeadline; administrators change them on
 * /applications/settings (the table wins at run time).
 */
import { defineChain } from "@/lib/approval/chain";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";

/** Feature fields a decision of the art. 18 chain may have to carry. */
export type Art18Field = "verificationFindings" | "verifiedOn";

export const ART18_CHAIN = defineChain<ApplicationStage, Art18Field>({
  key: "art18",
  title: "《大连市基层工会干部权益保障办法》第十八条",
  errorPrefix: "application",
  approvePath: "LEADING_GROUP",
  steps: [
    { stage: "GRASSROOTS", role: "GRASSROOTS_OFFICER", scope: { kind: "own" }, deadlineDays: 7 },
    {
      stage: "DISTRICT",
      role: "DISTRICT_REVIEWER",
      scope: { kind: "reporting" },
      deadlineDays: 15,
      requires: { FORWARD: ["verificationFindings", "verifiedOn"] },
      records: { FORWARD: ["verification"] },
    },
    { stage: "OFFICE", role: "LEADING_GROUP_OFFICE", scope: { kind: "city" }, deadlineDays: 10, records: { FORWARD: ["proposal"] } },
    { stage: "LEADING_GROUP", role: "LEADING_GROUP_MEMBER", scope: { kind: "city" }, deadlineDays: 15 },
  ],
  fastTrack: { role: "CHAIRPERSON_MEETING", scope: { kind: "reporting" }, path: "CHAIRPERSON_MEETING" },
});
