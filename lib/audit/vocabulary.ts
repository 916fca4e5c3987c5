/**
 * The audit vocabulary: every action an audit row may name and every entity type (the
 * Prisma model names, plus "Job" for background sweeps). `mutate()`'s `record` accepts only
 * these (AuditEntry in ./writer.ts), so a misspelt or ad-hoc action does not compile.
 * Families built from an enum (a review step, a ledger entry kind, a fund request kind,
 * an engine step) are listed from the enum itself.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import { ApprovalAction, FundRequestKind, LedgerKind, ReviewAction } from "@/lib/generated/prisma/enums";

/** `s` in lower case, typed as such (for actions built from an enum value). */
export function lower<T extends string>(s: T): Lowercase<T> {
  return s.toLowerCase() as Lowercase<T>;
}

const family = <P extends string, T extends string>(prefix: P, values: Record<string, T>) => Object.values(values).map((v) => `${prefix}.${lower(v)}` as `${P}.${Lowercase<T>}`);

/** Actions written by the portal's features and engines, one per kind of change. */
const FIXED_ACTIONS = [
  // sign-in, users, organisations
  "auth.signIn",
  "auth.locked",
  "user.unlock",
  "audit.verifyFailed",
  "user.create",
  "user.import",
  "user.disable",
  "user.enable",
  "user.resetPassword",
  "user.changePassword",
  "org.create",
  "org.import",
  "org.update",
  // policy data (art. 17 minimum wage, art. 18 deadlines, art. 19 versions)
  "policy.create",
  "minimumWage.create",
  "reviewDeadline.create",
  "reviewDeadline.update",
  // applications (art. 6–10, 15–18)
  "application.create",
  "application.edit",
  "application.recordReemployment",
  "review.create",
  "measure.create",
  "measure.complete",
  "measure.cancel",
  "attachment.upload",
  "attachment.remove",
  // notifications and jobs
  "notification.create",
  "notification.read",
  "notification.readAll",
  "reminders.sweep",
  // ledger and funds (art. 11–14)
  "fund.create",
  "fund.year.open",
  "fund.year.settle",
  "fund.year.reopen",
  "fund.pay",
  "fund.pay.replayed",
  "fund.pay.reverse",
  "fund.request.approve",
  "fund.request.reject",
  "payable.schedule",
  "payable.cancel",
  // grassroots union vitality project (seed 001 《实施方案》 三–五); individual casts are never audited (四.2 无记名投票)
  "vitality.policy.create",
  "vitality.enrol",
  "vitality.plan.save",
  "vitality.plan.publish",
  "vitality.report.save",
  "vitality.report.receipt",
  "vitality.ballot.create",
  "vitality.ballot.rerun",
  "vitality.ballot.open",
  "vitality.ballot.codesIssued",
  "vitality.ballot.close",
  "vitality.ballot.tally",
  "vitality.ballot.paperTotals",
  "vitality.higherEvaluation",
  "vitality.talk.record",
  "vitality.adjustment.record",
  // review-chain engine (lib/approval)
  "approval.start",
  "approval.remind",
  "approvalDecision.create",
] as const;

/** Every audit action, in one list. */
export const AUDIT_ACTIONS = [
  ...FIXED_ACTIONS,
  ...family("application", ReviewAction),
  ...family("fund.entry", LedgerKind),
  ...family("fund.request", FundRequestKind),
  ...family("approval", ApprovalAction),
] as const;

/** An action an audit row may name. */
export type AuditAction =
  | (typeof FIXED_ACTIONS)[number]
  | `application.${Lowercase<ReviewAction>}`
  | `fund.entry.${Lowercase<LedgerKind>}`
  | `fund.request.${Lowercase<FundRequestKind>}`
  | `approval.${Lowercase<ApprovalAction>}`;

/** Entity types that are not tables: a background job's sweep. */
const NON_MODEL_ENTITIES = ["Job"] as const;

/** Every entity type an audit row may name: the Prisma model names and "Job". */
export const AUDIT_ENTITY_TYPES: readonly AuditEntityType[] = [...Object.values(Prisma.ModelName), ...NON_MODEL_ENTITIES];

export type AuditEntityType = Prisma.ModelName | (typeof NON_MODEL_ENTITIES)[number];
