/**
 * Types of the review-chain engine (lib/approval). A chain is data: ordered steps,
 * each with its stage key, the role that acts, the scope the actor must hold and the
 * deadline in days. Features define their chains (the art. 18 chain:
 * lib/applications/chain.ts; the vitality project's model-unit forms 附件1–4 next) and
 * hand items to the engine; the engine imports no feature.
 */
import type { OrgType, Role } from "@/lib/generated/prisma/enums";

/**
 * Where the actor of a step must sit, relative to the item:
 * - `own`: the applicant's own organisation or above it (e.g. 18.1 所在单位工会);
 * - `reporting`: the body the applicant's organisation reports to, or above it (18.2 区市县总工会/产业工会);
 * - `city`: the city federation (18.3 市总工会维权领导小组及其办公室), covering the item;
 * - `level`: an organisation of the named type covering the item (e.g. a province-style confirmation).
 */
export type StepScope = { kind: "own" } | { kind: "reporting" } | { kind: "city" } | { kind: "level"; orgType: OrgType };

/** The decisions a reviewer can take at a step. */
export type Decision = "FORWARD" | "RETURN" | "REJECT" | "APPROVE";

/** Every decision, in the order the action panel offers them. */
export const DECISIONS: readonly Decision[] = ["FORWARD", "APPROVE", "RETURN", "REJECT"];

/** One step of a chain. `F` names the feature's extra fields a decision records (hooks). */
export type ChainStep<S extends string, F extends string = string> = {
  stage: S;
  /** the role that acts at this step */
  role: Role;
  scope: StepScope;
  /** calendar days the step may take before it is overdue (a feature may override per installation) */
  deadlineDays: number;
  /**
   * Decisions allowed at this step besides the defaults (FORWARD on every step but the last,
   * APPROVE on the last, RETURN and REJECT everywhere). A confirmation step may restrict them.
   */
  decisions?: readonly Decision[];
  /** feature fields a decision must carry at this step (checked by `missingFields`), e.g. 18.2 verification */
  requires?: Partial<Record<Decision, readonly F[]>>;
  /** feature hooks recorded at this step (e.g. "proposal": the office's 18.3 proposed amount) */
  records?: Partial<Record<Decision, readonly string[]>>;
};

/**
 * A fast track that approves directly from any step (《办法》第十八条 "特殊情况可直接由各级主席办公会议审定批准"):
 * the role and the scope its holder must have over the item.
 */
export type FastTrack = { role: Role; scope: StepScope; path: string };

/** A review chain: its key, ordered steps and optional fast track. */
export type ChainDefinition<S extends string = string, F extends string = string> = {
  key: string;
  /** short description with its source (article / section) */
  title: string;
  steps: readonly ChainStep<S, F>[];
  fastTrack?: FastTrack;
  /** the decision path an ordinary final APPROVE records (e.g. LEADING_GROUP) */
  approvePath: string;
};

/** Where an item is in its chain. */
export type ItemStatus = "DRAFT" | "IN_REVIEW" | "RETURNED" | "APPROVED" | "REJECTED" | "WITHDRAWN";

export type ItemState<S extends string = string> = { status: ItemStatus; stage: S | null };

/** What the engine needs to know about an item to decide who may act on it. */
export type ChainItem<S extends string = string> = ItemState<S> & {
  /** the person the item is about (applicant); never reviews it */
  applicantId: number;
  /** materialised path of the applicant's organisation ("/1/4/9/") */
  orgPath: string;
  /** materialised path of the body the applicant's organisation reports to */
  reportingOrgPath: string;
};

/** The actor as the engine sees it (a subset of lib/authz Actor). */
export type ChainActor = { id: number; roles: readonly Role[]; orgType: OrgType; orgPath: string; organizationId: number };

/** A command on an item: the applicant's (submit, resubmit, withdraw) or a reviewer's decision at the stage they saw. */
export type ChainCommand<S extends string = string> =
  | { type: "SUBMIT" }
  | { type: "RESUBMIT" }
  | { type: "WITHDRAW" }
  | { type: "FORWARD"; stage: S }
  | { type: "RETURN"; stage: S }
  | { type: "REJECT"; stage: S }
  | { type: "APPROVE"; stage: S; path: string };

/** The state after a command, and what to record. */
export type ChainTransition<S extends string = string> = {
  status: ItemStatus;
  stage: S | null;
  /** the action recorded in the item's history */
  action: "SUBMIT" | "RESUBMIT" | "WITHDRAW" | Decision;
  /** RETURN opens a new round of material */
  newRound: boolean;
  /** APPROVED, REJECTED and WITHDRAWN are final */
  final: boolean;
};

/**
 * An acting reviewer while the holder is away: `actingId` acts with the holder's role and
 * organisation from `from` to `until` (inclusive dates, China time), optionally only for
 * one chain. Both names are recorded on the decision (actor = acting reviewer, onBehalfOf = holder).
 */
export type Delegation = {
  holder: ChainActor;
  actingId: number;
  from: Date;
  until: Date;
  chainKey?: string;
};

/** The people who act at a step of an item: holders of `role` at `underPath` or above it (of `orgType`), never `excludeUserId`. */
export type ReviewerQuery = { role: Role; targetPath: string; orgType?: OrgType; excludeUserId: number };
