/**
 * The art. 18 review chain as a pure state machine (no I/O).
 *
 *   DRAFT ──SUBMIT──▶ IN_REVIEW@GRASSROOTS ──FORWARD──▶ IN_REVIEW@DISTRICT ──FORWARD──▶
 *   IN_REVIEW@OFFICE ──FORWARD──▶ IN_REVIEW@LEADING_GROUP ──APPROVE / REJECT──▶ APPROVED / REJECTED
 *
 * - 18.1 the applicant's own union studies the application and gives its opinion;
 * - 18.2 the district/county (pilot-zone) federation or industrial union investigates and verifies;
 * - 18.3 the leading-group office gives its preliminary opinion; the leading group decides;
 *   "特殊情况可直接由各级主席办公会议审定批准": APPROVE with path CHAIRPERSON_MEETING from any review stage.
 * - RETURN (for more material) at any review stage → RETURNED, remembering that stage (the
 *   `stage` column keeps it); the applicant RESUBMITs → back to the same stage, next round.
 * - REJECT (with reasons) at any review stage → REJECTED (final).
 * - WITHDRAW by the applicant while the application is a draft or returned → WITHDRAWN (final).
 *
 * Every command names the stage the actor saw; a command that does not fit the
 * current state is refused (application.outOfOrder), so no step can be skipped or done twice.
 */
import { DomainError } from "@/lib/errors";
import type { ApplicationStage, ApplicationStatus, DecisionPath, ReviewAction } from "@/lib/generated/prisma/enums";

/** The review stages in order (art. 18.1 → 18.3). */
export const STAGES: readonly ApplicationStage[] = ["GRASSROOTS", "DISTRICT", "OFFICE", "LEADING_GROUP"];

/** The stage after `stage`, or null after the leading group (it decides). */
export function nextStage(stage: ApplicationStage): ApplicationStage | null {
  return STAGES[STAGES.indexOf(stage) + 1] ?? null;
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
export const OPEN_STATUSES: readonly ApplicationStatus[] = ["DRAFT", "IN_REVIEW", "RETURNED"];

function outOfOrder(state: ApplicationState, command: Command): never {
  throw new DomainError("application.outOfOrder", { status: state.status, stage: state.stage ?? "-", action: command.type }, 409);
}

/**
 * The state after `command`.
 * @throws DomainError application.outOfOrder (409) when the command does not fit the current state
 *   (wrong status, a stage other than the current one, forwarding past the leading group,
 *   a leading-group approval at an earlier stage).
 */
export function transition(state: ApplicationState, command: Command): Transition {
  switch (command.type) {
    case "SUBMIT":
      if (state.status !== "DRAFT") outOfOrder(state, command);
      return { status: "IN_REVIEW", stage: "GRASSROOTS", action: "SUBMIT", newRound: false, final: false };
    case "RESUBMIT":
      if (state.status !== "RETURNED" || state.stage === null) outOfOrder(state, command);
      return { status: "IN_REVIEW", stage: state.stage, action: "RESUBMIT", newRound: false, final: false };
    case "WITHDRAW":
      if (state.status !== "DRAFT" && state.status !== "RETURNED") outOfOrder(state, command);
      return { status: "WITHDRAWN", stage: state.stage, action: "WITHDRAW", newRound: false, final: true };
  }
  if (state.status !== "IN_REVIEW" || state.stage !== command.stage) outOfOrder(state, command);
  switch (command.type) {
    case "FORWARD": {
      const next = nextStage(command.stage);
      if (next === null) outOfOrder(state, command);
      return { status: "IN_REVIEW", stage: next, action: "FORWARD", newRound: false, final: false };
    }
    case "RETURN":
      return { status: "RETURNED", stage: command.stage, action: "RETURN", newRound: true, final: false };
    case "REJECT":
      return { status: "REJECTED", stage: command.stage, action: "REJECT", newRound: false, final: true };
    case "APPROVE":
      // 18.3: the leading group decides after the office; the chairperson's office meeting may approve at any stage.
      if (command.path === "LEADING_GROUP" && command.stage !== "LEADING_GROUP") outOfOrder(state, command);
      return { status: "APPROVED", stage: command.stage, action: "APPROVE", newRound: false, final: true };
  }
}

/** Reviewer commands available at a stage (for the action panel). */
export function reviewCommandsAt(stage: ApplicationStage): ("FORWARD" | "RETURN" | "REJECT" | "APPROVE")[] {
  return stage === "LEADING_GROUP" ? ["APPROVE", "RETURN", "REJECT"] : ["FORWARD", "RETURN", "REJECT"];
}
