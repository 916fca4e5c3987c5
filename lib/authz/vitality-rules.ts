/**
 * Gate rules of the grassroots union vitality project (seed 001 《实施方案》), kept apart from
 * ./policy.ts so both evolve independently; policy.ts spreads VITALITY_ACTIONS and VITALITY_RULES in.
 *
 * Resource "vitalityUnit": a participating unit (its organisation's path). The upper union (district /
 * pilot-zone federation, industrial union: DISTRICT_REVIEWER) acts on units strictly below its own
 * organisation (三 enrolment, 四.2 "由上级工会会同基层单位党组织共同组织实施"); the unit's own officer
 * (GRASSROOTS_OFFICER) records its plan and report and runs its ballot with the upper union; the city
 * federation (六.1 leading-group office) and the auditors read.
 */
import type { ListScope, Rule } from "./policy";
import type { Actor, Resource } from "./types";

export const VITALITY_ACTIONS = [
  "vitality.view", // lists, results, notices (read)
  "vitality.enrol", // 三: enrol units of the subtree (form, Excel import)
  "vitality.plan", // 四.1: the unit's plan, its publication, its year-end completion
  "vitality.report", // 四.2 双述: the dual report and its receipts
  "vitality.ballot", // 四.2 双评: ballots (create, open, codes, close, paper totals, rerun)
  "vitality.evaluate", // 四.2: higher evaluation, admonition talks, chairperson adjustments, results notice
  "vitality.policy", // dated thresholds and weights (w ≥ 80%)
] as const;
export type VitalityAction = (typeof VITALITY_ACTIONS)[number];

/** Lists: the units (and enrollable organisations) of the actor's subtree. */
const subtreeList = (a: Actor): ListScope => ({ kind: "subtree", path: a.orgPath });

const pathOf = (r: Resource): string | null => (r.type === "vitalityUnit" ? r.orgPath : r.type === "organization" ? r.path : null);
/** In the actor's subtree (own organisation included). */
const within = (a: Actor, r: Resource) => {
  const p = pathOf(r);
  return p !== null && p.startsWith(a.orgPath);
};
/** Strictly below the actor's organisation: the upper union never acts on itself. */
const below = (a: Actor, r: Resource) => {
  const p = pathOf(r);
  return p !== null && p.startsWith(a.orgPath) && p !== a.orgPath;
};
/** The unit's own officer. */
const ownUnit = (a: Actor, r: Resource) => pathOf(r) === a.orgPath;
const upperUnion = (a: Actor, r: Resource) => a.roles.includes("DISTRICT_REVIEWER") && below(a, r);
const officer = (a: Actor, r: Resource) => a.roles.includes("GRASSROOTS_OFFICER") && ownUnit(a, r);

export const VITALITY_RULES: Record<VitalityAction, Rule> = {
  "vitality.view": {
    on: ["vitalityUnit", "organization"],
    roles: ["DISTRICT_REVIEWER", "GRASSROOTS_OFFICER", "LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING", "FINANCE_AUDITOR", "ADMIN"],
    when: within,
    list: subtreeList,
  },
  "vitality.enrol": { on: ["organization", "vitalityUnit"], roles: ["DISTRICT_REVIEWER"], when: upperUnion, list: subtreeList },
  "vitality.plan": { on: ["vitalityUnit"], roles: ["GRASSROOTS_OFFICER"], when: officer },
  "vitality.report": { on: ["vitalityUnit"], roles: ["GRASSROOTS_OFFICER"], when: officer },
  "vitality.ballot": { on: ["vitalityUnit"], roles: ["GRASSROOTS_OFFICER", "DISTRICT_REVIEWER"], when: (a, r) => officer(a, r) || upperUnion(a, r) },
  // Read-only auditors never write, even when they also hold a reviewer role.
  "vitality.evaluate": { on: ["vitalityUnit"], roles: ["DISTRICT_REVIEWER"], when: (a, r) => upperUnion(a, r) && !a.roles.includes("FINANCE_AUDITOR") },
  "vitality.policy": { on: ["system"], roles: ["ADMIN", "LEADING_GROUP_OFFICE"], when: (a) => a.roles.includes("ADMIN") || a.orgType === "CITY_FEDERATION" },
};
