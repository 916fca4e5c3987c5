/**
 * The one authorization gate: `can(actor, action, resource)`.
 *
 * Deny by default: an action not in RULES, a resource of the wrong type, a
 * missing role or an organisation outside the actor's subtree is refused.
 * Reviewers act only on organisations in their own subtree (DOMAIN.md
 * "Each reviewer sees only the organisations under their own unit"), and
 * nobody reviews their own application. Art. 18 fixes who acts at which stage.
 */
import { chainRoles, mayFastTrack, mayDecide, stepOf } from "@/lib/approval/chain";
import { ART18_CHAIN } from "@/lib/applications/chain";
import type { ApplicationStage, Role } from "@/lib/generated/prisma/enums";
import { hasAnyRole, hasRole, inSubtree } from "./subtree";
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

/**
 * What rows of an action's resource type an actor may list, as data: the same rule that
 * decides `can()` on one row (./scope.ts turns it into the Prisma filter `scopeWhere`).
 * - `subtree`: rows whose organisation is at `path` or below it;
 * - `application`: the applicant's own applications, plus (for reviewers, `reviewerPath` set)
 *   every non-draft application whose union lies in that subtree.
 */
export type ListScope = { kind: "none" } | { kind: "subtree"; path: string } | { kind: "application"; applicantId: number; reviewerPath: string | null };

export type Rule = {
  /** resource types the action applies to; anything else is denied */
  on: ResourceType[];
  /** at least one of these roles; "ANY" = any signed-in user */
  roles: Role[] | "ANY";
  /** extra condition, after role and type checks */
  when?: (actor: Actor, resource: Resource) => boolean;
  /** the list filter of the same rule (after the role check); rules without one cannot scope a list */
  list?: (actor: Actor) => ListScope;
};

export { inSubtree };

const REVIEW_ROLES: Role[] = [
  "GRASSROOTS_OFFICER",
  "DISTRICT_REVIEWER",
  "LEADING_GROUP_OFFICE",
  "LEADING_GROUP_MEMBER",
  "CHAIRPERSON_MEETING",
  "FINANCE_AUDITOR",
];

/** Art. 18: the role that acts at each stage of the chain (read from the one chain definition, lib/applications/chain.ts). */
export const STAGE_ROLE: Record<ApplicationStage, Role> = Object.fromEntries(ART18_CHAIN.stages.map((s) => [s, stepOf(ART18_CHAIN, s).role])) as Record<ApplicationStage, Role>;

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

/** The list scope of a subtree-scoped rule: the actor's organisation and below. */
const subtreeList = (actor: Actor): ListScope => ({ kind: "subtree", path: actor.orgPath });
/** The list scope of a fund write: none for a member of the funds review committee (art. 12). */
const fundWriterList = (actor: Actor): ListScope => (hasRole(actor, "FINANCE_AUDITOR") ? { kind: "none" } : subtreeList(actor));

const scoped = (actor: Actor, resource: Resource) => {
  const path = orgPathOf(resource);
  return path !== null && inSubtree(actor, path);
};

/** Fund writes: in scope, and never by a member of the funds review committee (art. 12). */
const fundWriter = (actor: Actor, resource: Resource) => scoped(actor, resource) && !hasRole(actor, "FINANCE_AUDITOR");

const notOwnApplication = (actor: Actor, resource: Resource) => resource.type === "application" && resource.applicantId !== actor.id;

const RULES: Record<Action, Rule> = {
  "home.view": { on: ["system"], roles: "ANY" },
  "notification.read": { on: ["self"], roles: "ANY", when: (a, r) => r.type === "self" && r.userId === a.id },
  "org.view": { on: ["organization"], roles: "ANY", when: scoped, list: subtreeList },
  "org.manage": { on: ["organization"], roles: ["ADMIN"], when: scoped, list: subtreeList },
  "user.view": { on: ["user"], roles: ["ADMIN"], when: scoped, list: subtreeList },
  "user.manage": { on: ["user", "organization"], roles: ["ADMIN"], when: scoped, list: subtreeList },
  // The whole trail: administrators, and the city-level funds review committee (art. 12).
  "audit.view": {
    on: ["system"],
    roles: ["ADMIN", "FINANCE_AUDITOR"],
    when: (a) => hasRole(a, "ADMIN") || a.orgType === "CITY_FEDERATION",
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
        (hasAnyRole(a, REVIEW_ROLES) &&
          r.status !== "DRAFT" &&
          (inSubtree(a, r.orgPath) || inSubtree(a, r.reportingOrgPath)))),
    // The reporting union is an ancestor of the applicant's union, so "union or reporting union in the
    // subtree" lists as "union in the subtree".
    list: (a) => ({ kind: "application", applicantId: a.id, reviewerPath: hasAnyRole(a, REVIEW_ROLES) ? a.orgPath : null }),
  },
  // The review queues (art. 18): reviewers of every stage, the chairperson's meeting (18.3) and the funds review committee (read-only).
  "application.queue": { on: ["system"], roles: REVIEW_ROLES },
  "application.edit": {
    on: ["application"],
    roles: ["CADRE"],
    when: (a, r) => r.type === "application" && r.applicantId === a.id && (r.status === "DRAFT" || r.status === "RETURNED"),
  },
  // The reviewer of the application's current stage, holding the step's role and scope (own union, the body it
  // reports to, the city federation for 18.3), never on their own application: the engine over the art. 18 chain.
  "application.review": {
    on: ["application"],
    roles: chainRoles(ART18_CHAIN).filter((r) => r !== ART18_CHAIN.fastTrack?.role),
    when: (a, r) => r.type === "application" && mayDecide(ART18_CHAIN, a, r),
  },
  // 18.3 特殊情况可直接由各级主席办公会议审定批准 — the meeting of a level covering the application (the chain's fast track).
  "application.fastTrack": {
    on: ["application"],
    roles: ART18_CHAIN.fastTrack ? [ART18_CHAIN.fastTrack.role] : [],
    when: (a, r) => r.type === "application" && mayFastTrack(ART18_CHAIN, a, r),
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
        (hasRole(a, "LEADING_GROUP_OFFICE") && !hasRole(a, "FINANCE_AUDITOR") && r.status !== "DRAFT" && inSubtree(a, r.orgPath))),
  },

  "fund.view": { on: ["fund"], roles: ["LEADING_GROUP_OFFICE", "FINANCE_AUDITOR", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING"], when: scoped, list: subtreeList },
  // Art. 12: 经审会 supervises — reports are read-only.
  "fund.report": { on: ["fund"], roles: ["FINANCE_AUDITOR", "LEADING_GROUP_OFFICE", "LEADING_GROUP_MEMBER", "CHAIRPERSON_MEETING"], when: scoped, list: subtreeList },
  // Art. 4.3: the office handles disbursement. Art. 12: whoever also sits on the
  // funds review committee stays strictly read-only (the supervisor never pays).
  "fund.pay": { on: ["fund"], roles: ["LEADING_GROUP_OFFICE"], when: fundWriter, list: fundWriterList },
  // Art. 11: opening a year (appropriation), top-up / subsidy requests and decisions, reversals.
  "fund.manage": { on: ["fund"], roles: ["LEADING_GROUP_OFFICE"], when: fundWriter, list: fundWriterList },
  // Art. 14: settled once a year by the office.
  "fund.settle": { on: ["fund"], roles: ["LEADING_GROUP_OFFICE"], when: fundWriter, list: fundWriterList },

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
  if (rule.roles !== "ANY" && !hasAnyRole(actor, rule.roles)) return false;
  return rule.when ? rule.when(actor, resource) : true;
}

/**
 * The list scope of `action` for `actor`, from the same rule as `can()`: none without an actor,
 * without the rule's role, or for a rule that has no list scope (deny by default).
 */
export function listScope(actor: Actor | null | undefined, action: Action): ListScope {
  const rule: Rule | undefined = RULES[action];
  if (!actor || !rule?.list) return { kind: "none" };
  if (rule.roles !== "ANY" && !hasAnyRole(actor, rule.roles)) return { kind: "none" };
  return rule.list(actor);
}

/** True when `actor` holds a role of `action`'s rule (what a navigation entry or widget may offer; the object is checked by `can`). */
export function mayAttempt(actor: Actor | null | undefined, action: Action): boolean {
  const rule: Rule | undefined = RULES[action];
  if (!actor || !rule) return false;
  return rule.roles === "ANY" || hasAnyRole(actor, rule.roles);
}
