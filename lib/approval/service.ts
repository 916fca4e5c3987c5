/**
 * Generic persistence of the review-chain engine: items of any chain kept in ApprovalItem
 * (subject type + id), their history in ApprovalDecision. The vitality project's forms
 * (附件1–4) will run here; applications (art. 18) keep their own tables through the same
 * pure rules (lib/applications/commands.ts).
 *
 * Every step, in one audited transaction (`mutate`): read the item, check who acts (the
 * applicant's edit, a reviewer's decision — also as an acting reviewer under a Delegation —
 * or the fast track), the version the actor saw, the transition (out of order → 409), the
 * fields the step requires; update WHERE id AND version; record the decision (actor and,
 * for a delegation, the holder); set the next step's deadline.
 */
import { lower } from "@/lib/audit/vocabulary";
import { mutate, systemContext, type RecordAudit, type RequestContext } from "@/lib/audit/writer";
import { db, type Tx } from "@/lib/db";
import { todayInChina } from "@/lib/dates";
import { ConflictError, DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { usersWithRoleAbove } from "@/lib/notifications/service";
import { actingAs, mayFastTrack, missingFields, needsReminder, permissionKind, queueOrder, queueStages, reviewerQuery, stepDueAt, stepOf, transition, type Chain } from "./chain";
import type { ChainActor, ChainCommand, ChainItem, Delegation } from "./types";

const REMINDER_LOCK_KEY = 727_201; // pg_advisory_xact_lock key of the engine's reminder sweep

const ITEM_INCLUDE = { organization: { select: { path: true } }, reportingOrg: { select: { path: true } } } as const;
type LoadedItem = Prisma.ApprovalItemGetPayload<{ include: typeof ITEM_INCLUDE }>;

function chainItem<S extends string>(row: LoadedItem): ChainItem<S> {
  return { status: row.status, stage: row.stage as S | null, applicantId: row.applicantId, orgPath: row.organization.path, reportingOrgPath: row.reportingOrg.path };
}

/**
 * Put a subject on `chain` as a DRAFT item (the applicant then submits it).
 * @throws Prisma unique violation when the subject already has an item
 */
export async function startItem(
  tx: Tx,
  record: RecordAudit,
  chain: Chain,
  input: { subjectType: string; subjectId: number; applicantId: number; organizationId: number; reportingOrgId: number },
) {
  const item = await tx.approvalItem.create({ data: { ...input, chainKey: chain.key } });
  record({ action: "approval.start", entityType: "ApprovalItem", entityId: item.id, after: item });
  return item;
}

export type DecideInput<S extends string> = {
  itemId: number;
  /** the item version the actor saw */
  version: number;
  command: ChainCommand<S>;
  /** the opinion or reasons (required for reviewers' decisions and a withdrawal) */
  opinion?: string;
  /** the feature fields the step may require (the chain's `requires` hook) */
  fields?: Record<string, unknown>;
  /** delegations in force (acting reviewers while the holder is away) */
  delegations?: readonly Delegation[];
  /** the step's deadline in days; default the chain's `deadlineDays` */
  deadlineDays?: (stage: S) => number;
};

/**
 * Run one step of `chain` on an ApprovalItem.
 * @throws UnauthenticatedError; ForbiddenError (not the applicant / reviewer in scope, or one's own item);
 *   NotFoundError; ConflictError `<prefix>.conflict` (stale version); DomainError `<prefix>.outOfOrder` (409),
 *   `<prefix>.opinionRequired`, `<prefix>.fieldsRequired` {fields}
 */
export async function decide<S extends string>(ctx: RequestContext, chain: Chain<S>, input: DecideInput<S>) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  const opinion = input.opinion?.trim() ?? "";
  return mutate(ctx, async (tx, record) => {
    const row = await tx.approvalItem.findUnique({ where: { id: input.itemId }, include: ITEM_INCLUDE });
    if (!row || row.chainKey !== chain.key) throw new NotFoundError();
    const item = chainItem<S>(row);
    const now = new Date();
    const kind = permissionKind(chain, input.command);
    let onBehalfOfId: number | null = null;
    if (kind === "edit") {
      if (actor.id !== row.applicantId) throw new ForbiddenError();
    } else if (kind === "fastTrack") {
      if (!mayFastTrack(chain, actor, item)) throw new ForbiddenError();
    } else {
      const acting = actingAs(chain, actor as ChainActor, item, input.delegations ?? [], todayInChina(now));
      if (!acting) throw new ForbiddenError();
      onBehalfOfId = acting.onBehalfOfId;
    }
    if (row.version !== input.version) throw new ConflictError(`${chain.errorPrefix}.conflict`);
    const next = transition(chain, item, input.command);
    const reviewer = kind !== "edit";
    if ((reviewer || input.command.type === "WITHDRAW") && opinion === "") throw new DomainError(`${chain.errorPrefix}.opinionRequired`);
    if ("stage" in input.command) {
      const missing = missingFields(chain, input.command.stage, input.command.type, input.fields ?? {});
      if (missing.length) throw new DomainError(`${chain.errorPrefix}.fieldsRequired`, { fields: missing.join(",") });
    }
    const days = (stage: S) => input.deadlineDays?.(stage) ?? stepOf(chain, stage).deadlineDays;
    const data: Prisma.ApprovalItemUpdateManyMutationInput = {
      status: next.status,
      stage: next.stage,
      version: { increment: 1 },
      round: next.newRound ? { increment: 1 } : undefined,
      decisionPath: input.command.type === "APPROVE" ? input.command.path : undefined,
      stageEnteredAt: now,
      stageDueAt: next.status === "IN_REVIEW" && next.stage !== null ? stepDueAt(now, days(next.stage)) : null,
      stageRemindedAt: null,
    };
    const updated = await tx.approvalItem.updateMany({ where: { id: row.id, version: input.version, status: row.status }, data });
    if (updated.count === 0) throw new ConflictError(`${chain.errorPrefix}.conflict`);
    const after = await tx.approvalItem.findUniqueOrThrow({ where: { id: row.id } });
    const decision = await tx.approvalDecision.create({
      data: {
        itemId: row.id,
        stage: reviewer && "stage" in input.command ? input.command.stage : next.stage,
        action: next.action,
        round: row.round,
        opinion,
        actorId: actor.id,
        onBehalfOfId,
        actorOrgId: actor.organizationId,
        fields: input.fields ? (input.fields as Prisma.InputJsonValue) : undefined,
      },
    });
    const { organization: _o, reportingOrg: _r, ...before } = row;
    record({ action: `approval.${lower(next.action)}`, entityType: "ApprovalItem", entityId: row.id, before, after });
    record({ action: "approvalDecision.create", entityType: "ApprovalDecision", entityId: decision.id, after: decision });
    return { item: after, decision };
  });
}

/** The people who act at the item's current step (the step's role in scope, never the applicant). */
export async function itemReviewers<S extends string>(tx: Tx, chain: Chain<S>, item: ChainItem<S> & { stage: S }): Promise<number[]> {
  const q = reviewerQuery(chain, item.stage, item);
  return usersWithRoleAbove(tx, q.role, q.targetPath, q.excludeUserId, q.orgType);
}

/**
 * Send the reminder of every overdue step of `chain` once: under an advisory lock, each item in review
 * past its step's deadline and not yet reminded gets `remind(…)` with the step's reviewers, then is marked
 * (stageRemindedAt; reset by the next step), so repeated or concurrent sweeps never remind twice.
 * @returns the ids of the items reminded about
 */
export async function sweepReminders<S extends string>(
  chain: Chain<S>,
  now: Date,
  remind: (tx: Tx, record: RecordAudit, item: LoadedItem, reviewerIds: number[]) => Promise<void>,
): Promise<number[]> {
  return mutate(systemContext(`approval-reminders-${chain.key}-${now.toISOString()}`), async (tx, record) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REMINDER_LOCK_KEY})`;
    const rows = await tx.approvalItem.findMany({
      where: { chainKey: chain.key, status: "IN_REVIEW", stageDueAt: { lt: now }, stageRemindedAt: null },
      include: ITEM_INCLUDE,
      orderBy: { stageDueAt: "asc" },
      take: 200,
    });
    const due = rows.filter((r) => needsReminder(r, now) && r.stage !== null);
    for (const row of due) {
      const item = chainItem<S>(row) as ChainItem<S> & { stage: S };
      const reviewers = await itemReviewers(tx, chain, item);
      await remind(tx, record, row, reviewers);
      await tx.approvalItem.updateMany({ where: { id: row.id, stageRemindedAt: null, stageDueAt: row.stageDueAt }, data: { stageRemindedAt: now } });
      record({ action: "approval.remind", entityType: "ApprovalItem", entityId: row.id, after: { stage: row.stage, due: row.stageDueAt, reviewers, at: now } });
    }
    record({ action: "reminders.sweep", entityType: "Job", entityId: `approval-reminders:${chain.key}`, after: { items: due.map((r) => r.id), at: now } });
    return due.map((r) => r.id);
  });
}

/**
 * The items of `chain` waiting for `actor` (their step's role and scope, or the fast track; never their own),
 * overdue first. Reads the candidate stages of the actor's roles, then keeps what the engine lets them decide.
 */
export async function approvalQueue<S extends string>(chain: Chain<S>, actor: ChainActor, now: Date = new Date(), delegations: readonly Delegation[] = []) {
  const roles = [...new Set([...actor.roles, ...delegations.filter((d) => d.actingId === actor.id).flatMap((d) => d.holder.roles)])];
  const stages = queueStages(chain, roles);
  if (stages.length === 0) return [];
  const rows = await db().approvalItem.findMany({
    where: { chainKey: chain.key, status: "IN_REVIEW", stage: { in: stages }, applicantId: { not: actor.id } },
    include: ITEM_INCLUDE,
    take: 1000,
  });
  const today = todayInChina(now);
  const mine = rows.filter((r) => actingAs(chain, actor, chainItem<S>(r), delegations, today) !== null || mayFastTrack(chain, actor, chainItem<S>(r)));
  return queueOrder(mine, now);
}
