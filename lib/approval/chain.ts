/**
 * The review-chain engine, pure part (no I/O, no clock: `now` / `today` are passed in).
 *
 *   DRAFT ──SUBMIT──▶ IN_REVIEW@step1 ──FORWARD──▶ … ──FORWARD──▶ IN_REVIEW@last ──APPROVE / REJECT──▶ APPROVED / REJECTED
 *   at any step: RETURN → RETURNED (the step is remembered) ──RESUBMIT──▶ IN_REVIEW@same step, next round
 *                REJECT (with reasons) → REJECTED (final); the fast track (if the chain has one) → APPROVED
 *   DRAFT / RETURNED ──WITHDRAW──▶ WITHDRAWN (final)
 *
 * Every command names the stage the actor saw, so a step skipped or done twice is refused
 * (`<errorPrefix>.outOfOrder`, 409). Who may act is `mayDecide` (role, scope, never on one's own
 * item, optionally as an acting reviewer under a Delegation); the gate (lib/authz) calls it.
 */
import { DomainError } from "@/lib/errors";
import { addDays } from "@/lib/dates";
import { covers, hasRole } from "@/lib/authz/subtree";
import type {
  ChainActor,
  ChainCommand,
  ChainDefinition,
  ChainItem,
  ChainStep,
  ChainTransition,
  Decision,
  Delegation,
  ItemState,
  ItemStatus,
  ReviewerQuery,
  StepScope,
} from "./types";
import { DECISIONS } from "./types";

/**
 * Check and freeze a chain definition.
 * @throws Error when it has no step, a stage twice, a deadline that is not a positive whole number of days,
 *   or a step whose decisions neither move the item on nor end it
 */
export function defineChain<const S extends string, F extends string = string>(chain: ChainDefinition<S, F> & { errorPrefix: string }): Chain<S, F> {
  if (chain.steps.length === 0) throw new Error(`chain ${chain.key}: no steps`);
  const seen = new Set<string>();
  chain.steps.forEach((step, i) => {
    if (seen.has(step.stage)) throw new Error(`chain ${chain.key}: stage ${step.stage} twice`);
    seen.add(step.stage);
    if (!Number.isInteger(step.deadlineDays) || step.deadlineDays < 1) throw new Error(`chain ${chain.key}: deadline of ${step.stage} must be ≥ 1 day`);
    const decisions = decisionsOf(chain.steps, i);
    const onward = i === chain.steps.length - 1 ? "APPROVE" : "FORWARD";
    if (!decisions.includes(onward)) throw new Error(`chain ${chain.key}: ${step.stage} cannot ${onward}`);
  });
  return Object.freeze({ ...chain, stages: chain.steps.map((s) => s.stage) as readonly S[] });
}

/** A checked chain: the definition plus its stages in order. */
export type Chain<S extends string = string, F extends string = string> = Readonly<ChainDefinition<S, F> & { errorPrefix: string; stages: readonly S[] }>;

function decisionsOf<S extends string, F extends string>(steps: readonly ChainStep<S, F>[], index: number): readonly Decision[] {
  const step = steps[index]!;
  if (step.decisions) return step.decisions;
  return index === steps.length - 1 ? ["APPROVE", "RETURN", "REJECT"] : ["FORWARD", "RETURN", "REJECT"];
}

/** The step of `stage`. @throws Error for a stage the chain does not have (a programming error). */
export function stepOf<S extends string, F extends string>(chain: Chain<S, F>, stage: S): ChainStep<S, F> {
  const step = chain.steps.find((s) => s.stage === stage);
  if (!step) throw new Error(`chain ${chain.key}: no stage ${stage}`);
  return step;
}

/** The stage after `stage`, or null after the last step. */
export function nextStage<S extends string>(chain: Chain<S>, stage: S): S | null {
  return chain.stages[chain.stages.indexOf(stage) + 1] ?? null;
}

/** The reviewer decisions available at `stage`, in the order the action panel shows them. */
export function decisionsAt<S extends string>(chain: Chain<S>, stage: S): Decision[] {
  const index = chain.stages.indexOf(stage);
  if (index < 0) throw new Error(`chain ${chain.key}: no stage ${stage}`);
  const allowed = decisionsOf(chain.steps, index);
  return DECISIONS.filter((d) => allowed.includes(d));
}

/** Statuses of an open item (still a draft, in review or returned). */
export const OPEN_STATUSES: readonly ItemStatus[] = ["DRAFT", "IN_REVIEW", "RETURNED"];

function outOfOrder(chain: Chain, state: ItemState, command: ChainCommand): never {
  throw new DomainError(`${chain.errorPrefix}.outOfOrder`, { status: state.status, stage: state.stage ?? "-", action: command.type }, 409);
}

/**
 * The state after `command`.
 * @throws DomainError `<errorPrefix>.outOfOrder` (409) when the command does not fit the current state: wrong status,
 *   a stage other than the current one (a step skipped or done twice), a decision the step does not allow
 *   (forwarding past the last step, an ordinary approval before the last step), a fast-track path the chain lacks.
 */
export function transition<S extends string>(chain: Chain<S>, state: ItemState<S>, command: ChainCommand<S>): ChainTransition<S> {
  switch (command.type) {
    case "SUBMIT":
      if (state.status !== "DRAFT") outOfOrder(chain, state, command);
      return { status: "IN_REVIEW", stage: chain.stages[0]!, action: "SUBMIT", newRound: false, final: false };
    case "RESUBMIT":
      if (state.status !== "RETURNED" || state.stage === null) outOfOrder(chain, state, command);
      return { status: "IN_REVIEW", stage: state.stage, action: "RESUBMIT", newRound: false, final: false };
    case "WITHDRAW":
      if (state.status !== "DRAFT" && state.status !== "RETURNED") outOfOrder(chain, state, command);
      return { status: "WITHDRAWN", stage: state.stage, action: "WITHDRAW", newRound: false, final: true };
  }
  if (state.status !== "IN_REVIEW" || state.stage !== command.stage || !chain.stages.includes(command.stage)) outOfOrder(chain, state, command);
  const fastTrack = command.type === "APPROVE" && chain.fastTrack !== undefined && command.path === chain.fastTrack.path;
  if (!fastTrack && !decisionsAt(chain, command.stage).includes(command.type)) outOfOrder(chain, state, command);
  switch (command.type) {
    case "FORWARD":
      return { status: "IN_REVIEW", stage: nextStage(chain, command.stage)!, action: "FORWARD", newRound: false, final: false };
    case "RETURN":
      return { status: "RETURNED", stage: command.stage, action: "RETURN", newRound: true, final: false };
    case "REJECT":
      return { status: "REJECTED", stage: command.stage, action: "REJECT", newRound: false, final: true };
    case "APPROVE":
      if (!fastTrack && command.path !== chain.approvePath) outOfOrder(chain, state, command);
      return { status: "APPROVED", stage: command.stage, action: "APPROVE", newRound: false, final: true };
  }
}

/** The organisation path an actor of `scope` must cover, and the organisation type they must sit in. */
function scopeTarget(scope: StepScope, item: Pick<ChainItem, "orgPath" | "reportingOrgPath">): { path: string; orgType?: ChainActor["orgType"] } {
  switch (scope.kind) {
    case "own":
      return { path: item.orgPath };
    case "reporting":
      return { path: item.reportingOrgPath };
    case "city":
      return { path: item.orgPath, orgType: "CITY_FEDERATION" };
    case "level":
      return { path: item.orgPath, orgType: scope.orgType };
  }
}

/** True when `actor` holds `scope` over the item: their organisation covers the target (and is of the named type). */
export function holdsScope(actor: Pick<ChainActor, "orgPath" | "orgType">, scope: StepScope, item: Pick<ChainItem, "orgPath" | "reportingOrgPath">): boolean {
  const target = scopeTarget(scope, item);
  return covers(actor, target.path, target.orgType);
}

/**
 * May `actor` take a reviewer's decision on `item` at its current step? The item must be in review,
 * the actor must hold the step's role and scope and must not be the applicant.
 */
export function mayDecide<S extends string>(chain: Chain<S>, actor: ChainActor, item: ChainItem<S>): boolean {
  if (item.status !== "IN_REVIEW" || item.stage === null || !chain.stages.includes(item.stage)) return false;
  if (actor.id === item.applicantId) return false;
  const step = stepOf(chain, item.stage);
  return hasRole(actor, step.role) && holdsScope(actor, step.scope, item);
}

/** May `actor` approve `item` directly through the chain's fast track (any step while in review, never their own)? */
export function mayFastTrack<S extends string>(chain: Chain<S>, actor: ChainActor, item: ChainItem<S>): boolean {
  const ft = chain.fastTrack;
  if (!ft || item.status !== "IN_REVIEW" || actor.id === item.applicantId) return false;
  return hasRole(actor, ft.role) && holdsScope(actor, ft.scope, item);
}

/** Which gate permission a command needs: the applicant's edit, a reviewer's decision, or the fast track. */
export function permissionKind<S extends string>(chain: Chain<S>, command: ChainCommand<S>): "edit" | "decide" | "fastTrack" {
  switch (command.type) {
    case "SUBMIT":
    case "RESUBMIT":
    case "WITHDRAW":
      return "edit";
    case "APPROVE":
      return chain.fastTrack && command.path === chain.fastTrack.path ? "fastTrack" : "decide";
    default:
      return "decide";
  }
}

/** Who acts at the item's step `stage`: the query for the holders of the step's role in scope, never the applicant. */
export function reviewerQuery<S extends string>(chain: Chain<S>, stage: S, item: Pick<ChainItem, "applicantId" | "orgPath" | "reportingOrgPath">): ReviewerQuery {
  const step = stepOf(chain, stage);
  const target = scopeTarget(step.scope, item);
  return { role: step.role, targetPath: target.path, orgType: target.orgType, excludeUserId: item.applicantId };
}

/** The stages whose queue an actor with `roles` works on; the fast-track role sees every stage. */
export function queueStages<S extends string>(chain: Chain<S>, roles: readonly ChainActor["roles"][number][]): S[] {
  const actor = { roles };
  if (chain.fastTrack && hasRole(actor, chain.fastTrack.role)) return [...chain.stages];
  return chain.stages.filter((s) => hasRole(actor, stepOf(chain, s).role));
}

/** The roles that act somewhere in the chain (the steps' and the fast track's). */
export function chainRoles(chain: Chain): ChainActor["roles"][number][] {
  return [...new Set([...chain.steps.map((s) => s.role), ...(chain.fastTrack ? [chain.fastTrack.role] : [])])];
}

/**
 * The feature fields a decision at `stage` requires (the step's `requires` hook) that `values` lacks
 * (empty strings and whitespace count as missing). One check, used by the form schema and the command.
 */
export function missingFields<S extends string, F extends string>(chain: Chain<S, F>, stage: S, decision: Decision, values: Partial<Record<F, unknown>>): F[] {
  if (!chain.stages.includes(stage)) return [];
  const required = stepOf(chain, stage).requires?.[decision] ?? [];
  return required.filter((f) => {
    const v = values[f];
    return v === undefined || v === null || (typeof v === "string" && v.trim() === "");
  });
}

/** True when the step's `records` hook names `hook` for `decision` (e.g. the 18.3 proposal at the office). */
export function records<S extends string>(chain: Chain<S>, stage: S, decision: Decision, hook: string): boolean {
  return (stepOf(chain, stage).records?.[decision] ?? []).includes(hook);
}

// ───────────────────────────── deadlines and reminders ─────────────────────────────

/** When a step entered at `enteredAt` falls due: `days` calendar days later, same time of day. */
export function stepDueAt(enteredAt: Date, days: number): Date {
  return addDays(enteredAt, days);
}

/** Is an item overdue at `now`? Only items in review can be. */
export function isOverdue(item: { status: ItemStatus | string; stageDueAt: Date | null }, now: Date): boolean {
  return item.status === "IN_REVIEW" && item.stageDueAt !== null && item.stageDueAt.getTime() < now.getTime();
}

/** Does the item's current step need its (one) reminder at `now`? Overdue and not reminded since it entered the step. */
export function needsReminder(item: { status: ItemStatus | string; stageDueAt: Date | null; stageRemindedAt: Date | null }, now: Date): boolean {
  return isOverdue(item, now) && item.stageRemindedAt === null;
}

/** Order of a queue: overdue items first, then the rest; each part by due date (none last), then id. */
export function queueOrder<T extends { id: number; status: ItemStatus | string; stageDueAt: Date | null }>(items: readonly T[], now: Date): T[] {
  const due = (x: T) => x.stageDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => Number(isOverdue(b, now)) - Number(isOverdue(a, now)) || due(a) - due(b) || a.id - b.id);
}

// ───────────────────────────── delegation ─────────────────────────────

/** The delegation that lets `actingId` act for its holder on `chainKey` on `today` (inclusive dates), if any. */
function activeDelegations(delegations: readonly Delegation[], actingId: number, chainKey: string, today: Date): Delegation[] {
  return delegations.filter(
    (d) => d.actingId === actingId && d.holder.id !== actingId && (d.chainKey === undefined || d.chainKey === chainKey) && d.from.getTime() <= today.getTime() && today.getTime() <= d.until.getTime(),
  );
}

/**
 * Who `actor` acts as on `item` today: themself when they may decide, otherwise a holder who delegated
 * to them (acting reviewer while the holder is away). The decision records both: `actorId` (who acted)
 * and `onBehalfOfId` (the holder, or null). Neither may be the applicant.
 * @returns null when neither the actor nor any active delegation may decide
 */
export function actingAs<S extends string>(
  chain: Chain<S>,
  actor: ChainActor,
  item: ChainItem<S>,
  delegations: readonly Delegation[],
  today: Date,
): { as: ChainActor; actorId: number; onBehalfOfId: number | null } | null {
  if (mayDecide(chain, actor, item)) return { as: actor, actorId: actor.id, onBehalfOfId: null };
  if (actor.id === item.applicantId) return null;
  for (const d of activeDelegations(delegations, actor.id, chain.key, today)) {
    if (mayDecide(chain, d.holder, item)) return { as: d.holder, actorId: actor.id, onBehalfOfId: d.holder.id };
  }
  return null;
}
