/**
 * Recording the consequences of 《实施方案》四.2: the admonition talk 诫勉谈话 (by the upper union with the
 * unit's party organisation, with a rectification deadline) when members' dissatisfaction exceeded 50%, and the
 * decision adjusting the chairperson after two consecutive such years. Both are refused when the unit's result
 * does not call for them (or cadre-management rules apply, 四.2 last sentence).
 */
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { unitResult } from "./units";

/**
 * Record an admonition talk. @throws DomainError vitality.talk.notDue, vitality.talk.invalid (deadline before the talk, empty participants)
 */
export async function recordAdmonitionTalk(ctx: RequestContext, enrolmentId: number, input: { heldOn: Date; participants: string; rectificationDeadline: Date }) {
  const participants = input.participants.trim();
  if (!participants || participants.length > 300 || input.rectificationDeadline < input.heldOn) throw new DomainError("vitality.talk.invalid");
  return mutate(ctx, async (tx, record) => {
    const result = await unitResult(tx, enrolmentId);
    if (!result.consequences?.admonitionDue) throw new DomainError("vitality.talk.notDue");
    const talk = await tx.vitalityAdmonitionTalk.create({
      data: { enrolmentId, heldOn: input.heldOn, participants, rectificationDeadline: input.rectificationDeadline, recordedById: ctx.actor?.id ?? null },
    });
    record({ action: "vitality.talk.record", entityType: "VitalityAdmonitionTalk", entityId: talk.id, after: { enrolmentId, heldOn: input.heldOn, participants, rectificationDeadline: input.rectificationDeadline } });
    return talk;
  });
}

/** Talks past their rectification deadline and not rectified on `today` (what a reminder sweep would send). */
export function overdueTalks(today: Date) {
  return db().vitalityAdmonitionTalk.findMany({
    where: { rectifiedOn: null, rectificationDeadline: { lt: today } },
    include: { enrolment: { select: { year: true, organization: { select: { name: true, path: true } } } } },
    orderBy: { rectificationDeadline: "asc" },
  });
}

/**
 * Record the decision adjusting the chairperson (四.2 连续两次不满意率超过50%). @throws DomainError vitality.adjustment.notDue, vitality.adjustment.invalid
 */
export async function recordChairpersonAdjustment(ctx: RequestContext, enrolmentId: number, input: { decidedOn: Date; decision: string }) {
  const decision = input.decision.trim();
  if (!decision || decision.length > 500) throw new DomainError("vitality.adjustment.invalid");
  return mutate(ctx, async (tx, record) => {
    const result = await unitResult(tx, enrolmentId);
    if (!result.consequences?.chairpersonAdjustmentDue) throw new DomainError("vitality.adjustment.notDue");
    const row = await tx.vitalityChairpersonAdjustment.create({ data: { enrolmentId, decidedOn: input.decidedOn, decision, recordedById: ctx.actor?.id ?? null } });
    record({ action: "vitality.adjustment.record", entityType: "VitalityChairpersonAdjustment", entityId: row.id, after: { enrolmentId, decidedOn: input.decidedOn, decision } });
    return row;
  });
}
