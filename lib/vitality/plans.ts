/**
 * The yearly "3+x" / "2+x" plan (《实施方案》四.1: "年度工作内容和计划要向会员（代表）通报，计划实施过程要接受会员（代表）
 * 的日常监督"), its publication with an unguessable link, members' anonymous suggestions, and the 双述 dual
 * report with its two receipts (四.2: "向会员（代表）大会述职、向上级组织述职"). Services on Prisma.
 * Pages for these are not part of this release; the services are what the result (五: plan and 双述 done) reads.
 */
import { randomUUID } from "node:crypto";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { DomainError, NotFoundError } from "@/lib/errors";
import type { VitalityPlanItemKind } from "@/lib/generated/prisma/enums";
import { yuan, type DecimalValue } from "@/lib/money";
import { newPublicKey } from "./codes";
import { basicSystemsOf } from "./rules";

export type PlanItemInput = { kind: VitalityPlanItemKind; title: string; status?: string | null; goal: string; measures?: string | null; timeFrame?: string | null };

/**
 * Record (replace) the unit's plan items. Every basic system of the unit's model must have an item (四.1:
 * three for "3+x", two for "2+x" — no collective consultation item for a "2+x" unit); "x" items are CUSTOM.
 * @throws DomainError vitality.plan.basicSystemMissing {system}, vitality.plan.notInModel {system}, vitality.plan.itemInvalid
 */
export async function savePlan(ctx: RequestContext, enrolmentId: number, items: PlanItemInput[]) {
  return mutate(ctx, async (tx, record) => {
    const enrolment = await tx.vitalityEnrolment.findUnique({ where: { id: enrolmentId }, include: { plan: { include: { items: true } } } });
    if (!enrolment) throw new NotFoundError();
    const systems: string[] = basicSystemsOf(enrolment.model);
    for (const item of items) {
      if (!item.title.trim() || item.title.length > 120 || !item.goal.trim() || item.goal.length > 1000) throw new DomainError("vitality.plan.itemInvalid");
      if (item.kind !== "CUSTOM" && !systems.includes(item.kind)) throw new DomainError("vitality.plan.notInModel", { system: item.kind });
    }
    for (const system of systems) if (!items.some((i) => i.kind === system)) throw new DomainError("vitality.plan.basicSystemMissing", { system });
    const plan = enrolment.plan ?? (await tx.vitalityPlan.create({ data: { enrolmentId } }));
    await tx.vitalityPlanItem.deleteMany({ where: { planId: plan.id } });
    await tx.vitalityPlanItem.createMany({
      data: items.map((item, position) => ({ planId: plan.id, position, kind: item.kind, title: item.title.trim(), status: item.status ?? null, goal: item.goal.trim(), measures: item.measures ?? null, timeFrame: item.timeFrame ?? null })),
    });
    await tx.vitalityPlan.update({ where: { id: plan.id }, data: { version: { increment: 1 } } });
    record({ action: "vitality.plan.save", entityType: "VitalityPlan", entityId: plan.id, before: enrolment.plan?.items ?? undefined, after: items });
    return plan;
  });
}

/**
 * Publish the plan to members (四.1): date and how it was announced; gives it an unguessable public key.
 * @throws DomainError vitality.plan.missing when no plan is recorded
 */
export async function publishPlan(ctx: RequestContext, enrolmentId: number, input: { publishedOn: Date; announcedHow: string }) {
  return mutate(ctx, async (tx, record) => {
    const plan = await tx.vitalityPlan.findUnique({ where: { enrolmentId } });
    if (!plan) throw new DomainError("vitality.plan.missing");
    const published = await tx.vitalityPlan.update({
      where: { id: plan.id },
      data: { publishedOn: input.publishedOn, announcedHow: input.announcedHow.trim().slice(0, 200), publicKey: plan.publicKey ?? newPublicKey(), version: { increment: 1 } },
    });
    record({ action: "vitality.plan.publish", entityType: "VitalityPlan", entityId: plan.id, after: { publishedOn: published.publishedOn, announcedHow: published.announcedHow } });
    return published;
  });
}

/** The published plan behind a public key, for members (no account). @throws NotFoundError vitality.plan.notFound */
export async function publicPlan(publicKey: string) {
  const plan = await db().vitalityPlan.findUnique({
    where: { publicKey },
    include: { items: { orderBy: { position: "asc" } }, enrolment: { select: { year: true, model: true, organization: { select: { name: true } } } } },
  });
  if (!plan || !plan.publishedOn) throw new NotFoundError("vitality.plan.notFound");
  return plan;
}

/**
 * A member's anonymous suggestion on a published plan: no account, address or time of day — the date only.
 * Not audited (no actor, nothing to attribute). @throws DomainError vitality.plan.suggestionInvalid (empty or > 1000 characters)
 */
export async function addSuggestion(publicKey: string, text: string, today: Date) {
  const body = text.trim();
  if (!body || body.length > 1000) throw new DomainError("vitality.plan.suggestionInvalid");
  const plan = await publicPlan(publicKey);
  await db().vitalitySuggestion.create({ data: { id: randomUUID(), planId: plan.id, text: body, receivedOn: today } });
}

export type DualReportInput = { programmeResults: string; fundsCollected: DecimalValue; fundsManaged: DecimalValue; fundsUsed: DecimalValue; dutiesPerformance: string };

/**
 * Record (or correct) the chairperson's written 双述 report (四.2): 3+x results, union funds collected /
 * managed / used (yuan, ≥ 0), own performance of duties.
 * @throws DomainError vitality.report.invalid
 */
export async function saveDualReport(ctx: RequestContext, enrolmentId: number, input: DualReportInput) {
  let funds;
  try {
    funds = [input.fundsCollected, input.fundsManaged, input.fundsUsed].map((v) => yuan(v));
  } catch {
    throw new DomainError("vitality.report.invalid");
  }
  if (funds.some((f) => f.isNegative() || f.gt("999999999999.99")) || !input.programmeResults.trim() || !input.dutiesPerformance.trim() || input.programmeResults.length > 4000 || input.dutiesPerformance.length > 4000) {
    throw new DomainError("vitality.report.invalid");
  }
  return mutate(ctx, async (tx, record) => {
    const enrolment = await tx.vitalityEnrolment.findUnique({ where: { id: enrolmentId }, select: { id: true } });
    if (!enrolment) throw new NotFoundError();
    const data = { programmeResults: input.programmeResults.trim(), fundsCollected: funds[0]!.toFixed(2), fundsManaged: funds[1]!.toFixed(2), fundsUsed: funds[2]!.toFixed(2), dutiesPerformance: input.dutiesPerformance.trim() };
    const report = await tx.vitalityDualReport.upsert({ where: { enrolmentId }, create: { enrolmentId, ...data }, update: data });
    record({ action: "vitality.report.save", entityType: "VitalityDualReport", entityId: report.id, after: data });
    return report;
  });
}

/**
 * Record a receipt of the report (四.2): by the members' (representatives') congress, or by the higher
 * organisations (same-level party organisation and upper union). @throws DomainError vitality.report.missing
 */
export async function recordReportReceipt(ctx: RequestContext, enrolmentId: number, which: "CONGRESS" | "HIGHER", on: Date) {
  return mutate(ctx, async (tx, record) => {
    const report = await tx.vitalityDualReport.findUnique({ where: { enrolmentId } });
    if (!report) throw new DomainError("vitality.report.missing");
    const updated = await tx.vitalityDualReport.update({ where: { id: report.id }, data: which === "CONGRESS" ? { congressReceivedOn: on } : { higherReceivedOn: on } });
    record({ action: "vitality.report.receipt", entityType: "VitalityDualReport", entityId: report.id, after: { which, on } });
    return updated;
  });
}
