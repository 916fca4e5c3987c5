/**
 * The one authorization gate: `can(actor, action, resource)`.
 *
 * Deny by default: an action not in RULES, a resource of the wrong type, a
 * missing role or an organisation outside the actor's subtree is refused.
 * Reviewers act only on organisations in their own subtree (DOMAIN.md
 * "Each reviewer sees only the organisations under their own unit"), and
 * nobody reviews their own application. Art. 18 fixes who acts at which stage.
 */
import type { ApplicationStage, Role } from "@/lib/generated/prisma/enums";
import type { Actor, Resource } from "./types";
import { VITALITY_ACTIONS, VITALITY_RULES } from "./vitality-rules";

/** Every action the portal knows. Adding a feature = adding its actions here. */
export const ACTIONS = [
  "home.view",
  "notification.read",
  "org.view",
  "org.manage",
  "user.view",
  "user.manage",
  "audit.view",
  "policy.view",
  "policy.manage",
  // cadre rights applications (art. 15–18)
  "application.create",
  "application.view",
  "application.queue",
  "application.edit",
  "application.review",
  "application.fastTrack",
  "application.measure",
  "application.recordReemployment",
  "application.viewBankAccount",
  // rights protection fund (art. 11–14)
  "fund.view",
  "fund.report",
  "fund.pay",
  "fund.manage",
  "fund.settle",
  // vitality project (seed 001): rules in ./vitality-rules.ts
  ...VITALITY_ACTIONS,
] as const;
export type Action = (typeof ACTIONS)[number];

type ResourceType = Resource["type"];
type Rule = {
  /** resource types the action applies to; anything else is denied */
  on: ResourceType[];
  /** at least one of these roles; "ANY" = any signed-in user */
  roles: Role[] | "ANY";
  /** extra condition, after role and type checks */
  when?: (actor: Actor, resource: Resource) => boolean;
};

/** True when `path` is the actor's organisation or below it. */
export function inSubtree(actor: Actor, path: string): boolean {
  return path.startsWith(actor.orgPath);
}

const REVIEW_ROLES: Role[] = [
  "GRASSROOTS_OFFICER",
  "DISTRICT_REVIEWER",
  "LEADING_GROUP_OFFICE",
  "LEADING_GROUP_MEMBER",
  "CHAIRPERSON_MEETING",
  "FINANCE_AUDITOR",
];

/** Art. 18: the role that acts at each stage of the chain. */
export const STAGE_ROLE: Record<ApplicationStage, Role> = {
  GRASSROOTS: "GRASSROOTS_OFFICER", // 18.1 所在单位工会研究提出意见
  DISTRICT: "DISTRICT_REVIEWER", // 18.2 区市县总工会、产业工会调查核实
  OFFICE: "LEADING_GROUP_OFFICE", // 18.3 办公室提出初审意见
  LEADING_GROUP: "LEADING_GROUP_MEMBER", // 18.3 领导小组审议决定
};

/**
 * Art. 18.3: the office (初审) and the leading group (审议决定) are the city federation's
 * (市总工会维权领导小组及其办公室); holders of those roles at a lower level do not act there.
 */
export const CITY_STAGES: readonly ApplicationStage[] = ["OFFICE", "LEADING_GROUP"];

function orgPathOf(resource: Resource): string | null {
  switch (resource.type) {
    case "organization":
      return resource.path;
    case "user":
    case "application":
      return resource.orgPath;
    case "fund":
      return resource.orgPath;
    default:
      return null;
  }
}

const scoped = (actor: Actor, resource: Resource) => {
  const path = orgPathOf(resource);
  return path !== null && inSubtree(actor, path);
};

/** Fund writes: in scope, and never by a member of the funds review committee (art. 12). */
const fundWriter = (actor: Actor, resource: Resource) => scoped(actor, resource) && !actor.roles.includes("FINANCE_AUDITOR");

const notOwnApplication = (actor: Actor, resource: Resource) => resource.type === "application" && resource.applicantId !== actor.id;

const RULES: Record<Action, Rule> = {
  "home.view": { on: ["system"], roles: "ANY" },
  "notification.read": { on: ["self"], roles: "ANY", when: (a, r) => r.type === "self" && r.userId === a.id },
  "org.view": { on: ["organization"], roles: "ANY", when: scoped },
  "org.manage": { on: ["organization"], roles: ["ADMIN"], when: scoped },
  "user.view": { on: ["user"], roles: ["ADMIN"], when: scoped },
  "user.manage": { on: ["user", "organization"], roles: ["ADMIN"], when: scoped },
  // The whole trail: administrators, and the city-level funds review committee (art. 12).
  "audit.view": {
    on: ["system"],
    roles: ["ADMIN", "FINANCE_AUDITOR"],
    when: (a) => a.roles.includes("ADMIN") || a.orgType === "CITY_FEDERATION",
  },
  "policy.view": { on: ["system"], roles: ["ADMIN", "LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER", "FINANCE_AUDITOR"] },
  "policy.manage": { on: ["system"], roles: ["ADMIN"] },

  // A cadre files for themselves, in their own organisation (art. 18.1).
  "application.create": { on: ["organization"], roles: ["CADRE"], when: (a, r) => r.type === "organization" && r.id === a.organizationId },
  "application.view": {
    on: ["application"],
    roles: "ANY",
    when: (a, r) =>
      r.type === "application" &&
      (r.applicantId === a.id ||
        (a.roles.some((role) => REVIEW_ROLES.includes(role)) &&
          r.status !== "DRAFT" &&
          (inSubtree(a, r.orgPath) || inSubtree(a, r.reportingOrgPath)))),
  },
  // The review queues (art. 18): reviewers of every stage, the chairperson's meeting (18.3) and the funds review committee (read-only).
  "application.queue": { on: ["system"], roles: REVIEW_ROLES },
  "application.edit": {
    on: ["application"],
    roles: ["CADRE"],
    when: (a, r) => r.type === "application" && r.applicantId === a.id && (r.status === "DRAFT" || r.status === "RETURNED"),
  },
  // The reviewer of the application's current stage, in whose subtree it lies, never on their own application;
  // at the office and leading-group stages only at the city federation (18.3, CITY_STAGES).
  "application.review": {
    on: ["application"],
    roles: ["GRASSROOTS_OFFICER", "DISTRICT_REVIEWER", "LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER"],
    when: (a, r) =>
      r.type === "application" &&
      r.status === "IN_REVIEW" &&
      r.stage !== null &&
      a.roles.includes(STAGE_ROLE[r.stage]) &&
      (!CITY_STAGES.includes(r.stage) || a.orgType === "CITY_FEDERATION") &&
      notOwnApplication(a, r) &&
      inSubtree(a, r.stage === "DISTRICT" ? r.reportingOrgPath : r.orgPath),
  },
  // 18.3 特殊情况可直接由各级主席办公会议审定批准 — the meeting of a level covering the application.
  "application.fastTrack": {
    on: ["application"],
    roles: ["CHAIRPERSON_MEETING"],
    when: (a, r) => r.type === "application" && r.status === "IN_REVIEW" && notOwnApplication(a, r) && inSubtree(a, r.reportingOrgPath),
  },
  // Art. 6–10 measures are taken by the upper union (district/industrial) or the office.
  "application.measure": {
    on: ["application"],
    roles: ["DISTRICT_REVIEWER", "LEADING_GROUP_OFFICE"],
    when: (a, r) => r.type === "application" && r.status !== "DRAFT" && notOwnApplication(a, r) && inSubtree(a, r.reportingOrgPath),
  },
  // Art. 17: support ends at re-employment; recorded by the upper union or the office.
  "application.recordReemployment": {
    on: ["application"],
    roles: ["DISTRICT_REVIEWER", "LEADING_GROUP_OFFICE"],
    when: (a, r) => r.type === "application" && r.status === "APPROVED" && notOwnApplication(a, r) && inSubtree(a, r.reportingOrgPath),
  },
  // The full bank account number of an application (申报表): the applicant themself, and the office that
  // pays the aid from the fund (art. 4.3, 13) in whose subtree the application lies; everyone else sees it
  // masked (maskAccount in lib/applications/bank-account.ts). The funds review committee stays read-only (art. 12).
  "application.viewBankAccount": {
    on: ["application"],
    roles: "ANY",
    when: (a, r) =>
      r.type === "application" &&
      (r.applicantId === a.id ||
        (a.roles.includes("LEADING_GROUP_OFFICE") && !a.roles.includes("FINANCE_AUDITOR") && r.status !== "DRAFT" && inSubtree(a, r.orgPath))),
  },

  "fund.view": { on: ["fund"], roles: ["LEADING_GROUP_OFFICE", "FINANCE_AUDITOR", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING"], when: scoped },
  // Art. 12: 经审会 supervises — reports are read-only.
  "fund.report": { on: ["fund"], roles: ["FINANCE_AUDITOR", "LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING"], when: scoped },
  // Art. 4.3: the office handles disbursement. Art. 12: whoever also sits on the
  // funds review committee stays strictly read-only (the supervisor never pays).
  "fund.pay": { on: ["fund"], roles: ["LEADING_GROUP_OFFICE"], when: fundWriter },
  // Art. 11: opening a year (appropriation), top-up / subsidy requests and decisions, reversals.
  "fund.manage": { on: ["fund"], roles: ["LEADING_GROUP_OFFICE"], when: fundWriter },
  // Art. 14: settled once a year by the office.
  "fund.settle": { on: ["fund"], roles: ["LEADING_GROUP_OFFICE"], when: fundWriter },

  // vitality project (seed 001 《实施方案》): see ./vitality-rules.ts
  ...VITALITY_RULES,
};

/**
 * Decide whether `actor` may do `action` on `resource`.
 * @returns true only when a rule explicitly allows it (deny by default).
 */
export function can(actor: Actor | null | undefined, action: Action, resource: Resource): boolean {
  if (!actor) return false;
  const rule: Rule | undefined = RULES[action];
  if (!rule) return false;
  if (!rule.on.includes(resource.type)) return false;
  if (rule.roles !== "ANY" && !rule.roles.some((role) => actor.roles.includes(role))) return false;
  return rule.when ? rule.when(actor, resource) : true;
}
