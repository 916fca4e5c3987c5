/**
 * The art. 18 review chain as a pure state machine (no I/O): the engine's transition
 * (lib/approval/chain.ts) over the one chain definition (./chain.ts).
 *
 *   DRAFT ──SUBMIT──▶ IN_REVIEW@GRASSROOTS ──FORWARD──▶ IN_REVIEW@DISTRICT ──FORWARD──▶
 *   IN_REVIEW@OFFICE ──FORWARD──▶ IN_REVIEW@LEADING_GROUP ──APPROVE / REJECT──▶ APPROVED / REJECTED
 *
 * RETURN keeps the stage (RESUBMIT goes back to it, next round); REJECT is final; the
 * chairperson's office meeting approves from any stage (18.3, path CHAIRPERSON_MEETING);
 * WITHDRAW by the applicant while a draft or returned. A command that does not fit the
 * current state is refused (application.outOfOrder), so no step can be skipped or done twice.
 */
import { decisionsAt, nextStage as engineNextStage, OPEN_STATUSES as ENGINE_OPEN_STATUSES, transition as engineTransition } from "@/lib/approval/chain";
import type { ApplicationStage, ApplicationStatus, DecisionPath, ReviewAction } from "@/lib/generated/prisma/enums";
import { ART18_CHAIN } from "./chain";

/** The review stages in order (art. 18.1 → 18.3), from the chain definition. */
export const STAGES: readonly ApplicationStage[] = ART18_CHAIN.stages;

/** The stage after `stage`, or null after the leading group (it decides). */
export function nextStage(stage: ApplicationStage): ApplicationStage | null {
  return engineNextStage(ART18_CHAIN, stage);
}

export type ApplicationState = { status: ApplicationStatus; stage: ApplicationStage | null };

export type Command =
  | { type: "SUBMIT" }
  | { type: "RESUBMIT" }
  | { type: "WITHDRAW" }
  | { type: "FORWARD"; stage: ApplicationStage }
  | { type: "RETURN"; stage: ApplicationStage }
  | { type: "REJECT"; stage: ApplicationStage }
  | { type: "APPROVE"; stage: ApplicationStage; path: DecisionPath };

export type Transition = {
  status: ApplicationStatus;
  stage: ApplicationStage | null;
  /** the action recorded in the application history (ReviewRecord.action) */
  action: ReviewAction;
  /** RETURN opens a new round of material */
  newRound: boolean;
  /** APPROVED, REJECTED and WITHDRAWN are final */
  final: boolean;
};

/** Statuses of an open application (used by duplicate detection). */
export const OPEN_STATUSES: readonly ApplicationStatus[] = ENGINE_OPEN_STATUSES;

/**
 * The state after `command` (the engine over ART18_CHAIN).
 * @throws DomainError application.outOfOrder (409) when the command does not fit the current state
 *   (wrong status, a stage other than the current one, forwarding past the leading group,
 *   a leading-group approval at an earlier stage).
 */
export function transition(state: ApplicationState, command: Command): Transition {
  return engineTransition(ART18_CHAIN, state, command) as Transition;
}

/** Reviewer commands available at a stage (for the action panel), from the chain definition. */
export function reviewCommandsAt(stage: ApplicationStage): ("FORWARD" | "RETURN" | "REJECT" | "APPROVE")[] {
  return decisionsAt(ART18_CHAIN, stage);
}
