/**
 * Every step of the art. 18 chain, as one service: submit, resubmit, withdraw,
 * forward, return, reject, approve, and the chairperson's-meeting fast track.
 *
 * Each step, in one audited transaction:
 * 1. reads the application and asks the gate (application.edit / application.review / application.fastTrack) on that fresh row;
 * 2. checks the version the actor saw (optimistic concurrency: stale → ConflictError application.conflict);
 * 3. applies the pure state machine (./workflow.ts: out of order → application.outOfOrder);
 * 4. checks what the step needs (eligibility on submission, art. 2; verification at the district,
 *    18.2; amounts against the application's policy version, art. 15–17);
 * 5. updates the row WHERE id AND version (0 rows → the other reviewer won → application.conflict);
 * 6. writes the ReviewRecord, sets the stage deadline (ReviewDeadline), creates payables on
 *    approval and the in-app notifications; the e-mail/SMS copies go out after commit.
 */
import { lower } from "@/lib/audit/vocabulary";
import { missingFields, permissionKind, records, reviewerQuery } from "@/lib/approval/chain";
import { authorize, can, type Action } from "@/lib/authz";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import type { Tx } from "@/lib/db";
import { ConflictError, DomainError, UnauthenticatedError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ApplicationStage, DecisionPath } from "@/lib/generated/prisma/enums";
import { formatYuan, type Decimal } from "@/lib/money";
import { createNotifications, deliver, usersWithRoleAbove, type NewNotification } from "@/lib/notifications/service";
import type { OutgoingMessage } from "@/lib/notifications/sender";
import { defaultLocaleText, type Translate } from "@/lib/notifications/text";
import { policyInForce } from "@/lib/policy/service";
import { checkAidQuantity } from "./amounts";
import { applicationSnapshot } from "./drafts";
import { isoDate, todayInChina } from "@/lib/dates";
import { stageDueAt } from "./deadlines";
import { ART18_CHAIN } from "./chain";
import { createPayablesOnApproval } from "./payables";
import { applicantContext, loadApplication, toApplicationResource } from "./resource";
import { transition, type Command } from "./workflow";

export type ApplicationCommandInput = {
  applicationId: number;
  /** the application version the actor saw */
  version: number;
  command: Command;
  /** the opinion (reviewers; required), the reasons (return, reject; required) or a note (applicant; optional) */
  opinion?: string;
  /** office proposal (18.3 初审意见) or decision: yuan for art. 15/16 */
  amount?: Decimal | null;
  /** office proposal or decision: months for art. 17 */
  months?: number | null;
  /** 18.2 调查核实: findings and the date of verification (district forward) */
  verificationFindings?: string;
  verifiedOn?: Date;
};

export type ApplicationCommandResult = { id: number; status: string; stage: ApplicationStage | null; version: number; payables: number };

const PERMISSION: Record<ReturnType<typeof permissionKind>, Action> = { edit: "application.edit", decide: "application.review", fastTrack: "application.fastTrack" };

/** The permission a command needs from the gate (the engine's kind of command over the art. 18 chain). */
export function permissionFor(command: Command): Action {
  return PERMISSION[permissionKind(ART18_CHAIN, command)];
}

async function deadlineDays(tx: Tx, stage: ApplicationStage): Promise<number> {
  const row = await tx.reviewDeadline.findUnique({ where: { stage } });
  if (!row) throw new DomainError("application.deadlineMissing");
  return row.days;
}

/**
 * Run one step of the chain. See the module comment for what is checked.
 * @throws UnauthenticatedError; ForbiddenError (the gate); NotFoundError; ConflictError application.conflict (409);
 *   DomainError application.outOfOrder (409) | application.ineligible {reasons} | application.opinionRequired | application.verificationRequired |
 *   amount errors (art. 15–17) | application.deadlineMissing | policy.missing | fund.notHolder
 */
export async function runApplicationCommand(ctx: RequestContext, input: ApplicationCommandInput): Promise<ApplicationCommandResult> {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  const { command } = input;
  const opinion = input.opinion?.trim() ?? "";
  let outbox: OutgoingMessage[] = [];

  const result = await mutate(ctx, async (tx, record) => {
    const app = await loadApplication(tx, input.applicationId);
    const resource = toApplicationResource(app);
    // Someone acted first (optimistic concurrency): tell whoever may see the application
    // that it changed — not that they lack the right, which is only true now.
    if (app.version !== input.version && can(actor, "application.view", resource)) throw new ConflictError("application.conflict");
    authorize(actor, permissionFor(command), resource);
    if (app.version !== input.version) throw new ConflictError("application.conflict");
    const next = transition({ status: app.status, stage: app.stage }, command);
    const now = new Date();
    const decidedOn = todayInChina(now);
    const data: Prisma.ApplicationUncheckedUpdateManyInput = { status: next.status, stage: next.stage, version: { increment: 1 } };
    const review: Omit<Prisma.ReviewRecordUncheckedCreateInput, "applicationId" | "action" | "round" | "actorId" | "actorOrgId" | "stage"> = { opinion };
    const reviewerCommand = command.type !== "SUBMIT" && command.type !== "RESUBMIT" && command.type !== "WITHDRAW";
    if ((reviewerCommand || command.type === "WITHDRAW") && opinion === "") throw new DomainError("application.opinionRequired");

    switch (command.type) {
      case "SUBMIT": {
        // Art. 2: only covered cadres may submit; the snapshot of position/full-time is taken now.
        const applicant = await applicantContext(tx, app.applicantId);
        if (!applicant.eligibility.eligible) throw new DomainError("application.ineligible", { count: applicant.eligibility.problems.length });
        // Art. 19: the policy in force on the submission day stays with the application.
        const policy = await policyInForce(tx, decidedOn);
        checkAidQuantity(app.article, { amount: app.requestedAmount, months: app.requestedMonths }, policy);
        Object.assign(data, { policyVersionId: policy.id, submittedAt: now, position: applicant.user.position ?? "OTHER", fullTime: applicant.user.fullTime });
        break;
      }
      case "FORWARD":
        // 18.2 调查核实: what was found and when — the chain's `requires` hook, the same check the form schema runs.
        if (missingFields(ART18_CHAIN, command.stage, "FORWARD", input).length > 0) throw new DomainError("application.verificationRequired");
        if (records(ART18_CHAIN, command.stage, "FORWARD", "verification")) {
          Object.assign(review, { verificationFindings: input.verificationFindings!.trim(), verifiedOn: input.verifiedOn });
        }
        if (records(ART18_CHAIN, command.stage, "FORWARD", "proposal")) {
          // 18.3 初审意见 with a proposed amount (art. 15/16) or months (art. 17).
          const q = checkAidQuantity(app.article, { amount: input.amount, months: input.months }, app.policyVersion);
          Object.assign(data, { proposedAmount: q.amount?.toFixed(2) ?? null, proposedMonths: q.months });
          Object.assign(review, { amount: q.amount?.toFixed(2) ?? null, months: q.months });
        }
        break;
      case "RETURN":
        data.returnRound = { increment: 1 };
        break;
      case "REJECT":
        Object.assign(data, { closingReason: opinion, decidedAt: now });
        break;
      case "WITHDRAW":
        Object.assign(data, { closingReason: opinion, decidedAt: now });
        break;
      case "APPROVE": {
        const q = checkAidQuantity(app.article, { amount: input.amount, months: input.months }, app.policyVersion);
        Object.assign(data, { approvedAmount: q.amount?.toFixed(2) ?? null, approvedMonths: q.months, decisionPath: command.path, decidedAt: now });
        Object.assign(review, { amount: q.amount?.toFixed(2) ?? null, months: q.months, decisionPath: command.path });
        break;
      }
      case "RESUBMIT":
        break;
    }

    // A new stage entry gets its own deadline and, once overdue, its own reminder (stageRemindedAt, lib/applications/reminders.ts).
    if (next.status === "IN_REVIEW" && next.stage) {
      Object.assign(data, { stageEnteredAt: now, stageDueAt: stageDueAt(now, await deadlineDays(tx, next.stage)), stageRemindedAt: null });
    } else {
      Object.assign(data, { stageEnteredAt: now, stageDueAt: null, stageRemindedAt: null });
    }

    const updated = await tx.application.updateMany({ where: { id: app.id, version: input.version, status: app.status, stage: app.stage }, data });
    if (updated.count === 0) throw new ConflictError("application.conflict");
    const after = await tx.application.findUniqueOrThrow({ where: { id: app.id } });

    const reviewRow = await tx.reviewRecord.create({
      data: {
        ...review,
        applicationId: app.id,
        stage: reviewerCommand ? command.stage : next.stage,
        action: next.action,
        round: after.returnRound - (next.newRound ? 1 : 0),
        actorId: actor.id,
        actorOrgId: actor.organizationId,
      },
    });
    const { organization: _o, reportingOrg: _r, policyVersion: _p, ...plain } = app;
    record({ action: `application.${lower(next.action)}`, entityType: "Application", entityId: app.id, before: applicationSnapshot(plain), after: applicationSnapshot(after) });
    record({ action: "review.create", entityType: "ReviewRecord", entityId: reviewRow.id, after: reviewRow });

    let payables = 0;
    if (next.status === "APPROVED" && command.type === "APPROVE") {
      const created = await createPayablesOnApproval(tx, record, { ...app, ...after }, {
        path: command.path,
        deciderOrgId: actor.organizationId,
        decidedOn,
        amount: after.approvedAmount,
        months: after.approvedMonths,
      });
      payables = created.length;
    }

    outbox = await createNotifications(tx, record, await notificationsFor(tx, { ...after, organization: app.organization, reportingOrg: app.reportingOrg }, next.status, command, opinion));
    return { id: app.id, status: after.status, stage: after.stage, version: after.version, payables };
  });
  await deliver(outbox);
  return result;
}

/** Who hears about a step: the next stage's reviewers when it reaches their queue; the applicant on progress, return and decision. */
async function notificationsFor(
  tx: Tx,
  app: {
    id: number;
    number: string;
    applicantId: number;
    stage: ApplicationStage | null;
    stageDueAt: Date | null;
    approvedAmount: { toString(): string } | null;
    approvedMonths: number | null;
    decisionPath: DecisionPath | null;
    organization: { path: string };
    reportingOrg: { path: string };
  },
  status: string,
  command: Command,
  opinion: string,
): Promise<NewNotification[]> {
  const t = defaultLocaleText("applications");
  const link = `/applications/${app.id}`;
  const base = { link, applicationId: app.id };
  const values = { number: app.number };
  const out: NewNotification[] = [];
  if (status === "IN_REVIEW" && app.stage) {
    const reviewers = await stageReviewers(tx, { ...app, stage: app.stage });
    const stage = t(`stage.${app.stage}`);
    out.push({ ...base, userIds: reviewers, kind: "applicationQueued", values: { ...values, stage, due: app.stageDueAt ? isoDate(app.stageDueAt) : "-" } });
    if (command.type === "FORWARD") out.push({ ...base, userIds: [app.applicantId], kind: "applicationProgress", values: { ...values, stage } });
  } else if (status === "RETURNED") {
    out.push({ ...base, userIds: [app.applicantId], kind: "applicationReturned", values: { ...values, reason: opinion } });
  } else if (status === "APPROVED") {
    out.push({ ...base, userIds: [app.applicantId], kind: "applicationApproved", values: { ...values, granted: grantedText(t, app), path: t(`decisionPath.${app.decisionPath ?? "LEADING_GROUP"}`) } });
  } else if (status === "REJECTED") {
    out.push({ ...base, userIds: [app.applicantId], kind: "applicationRejected", values: { ...values, reason: opinion } });
  }
  return out;
}

/**
 * The people who act at the application's current stage (art. 18): holders of the step's role
 * where its scope lies (ART18_CHAIN: the own union, the body it reports to, the city federation
 * for 18.3) or above it, as the gate requires — never the applicant.
 */
export function stageReviewers(
  tx: Tx,
  app: { stage: ApplicationStage; applicantId: number; organization: { path: string }; reportingOrg: { path: string } },
): Promise<number[]> {
  const q = reviewerQuery(ART18_CHAIN, app.stage, { applicantId: app.applicantId, orgPath: app.organization.path, reportingOrgPath: app.reportingOrg.path });
  return usersWithRoleAbove(tx, q.role, q.targetPath, q.excludeUserId, q.orgType);
}

/** What was granted, in words ("一次性补助 2,800.00 元" / "按最低工资资助 6 个月（《办法》第十七条）"). */
function grantedText(t: Translate, app: { approvedAmount: { toString(): string } | null; approvedMonths: number | null }): string {
  return app.approvedMonths !== null ? t("amounts.grantedMonths", { months: app.approvedMonths }) : t("amounts.grantedOneOff", { amount: formatYuan(app.approvedAmount ?? 0) });
}
