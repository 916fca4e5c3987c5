/**
 * Administrators' policy data of the applications feature: the dated minimum-wage
 * table (art. 17 — a table, never a constant; rows are added, not edited, so
 * decided instalments keep the rate they were computed with) and the deadline
 * of each review stage (art. 18), both audited.
 */
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import type { Decimal } from "@/lib/money";
import { STAGES } from "./workflow";

export function listMinimumWages() {
  return db().minimumWage.findMany({ orderBy: [{ effectiveFrom: "desc" }, { tier: "asc" }] });
}

/** Deadline days of every stage, in chain order (null when not configured). */
export async function listDeadlines(): Promise<{ stage: ApplicationStage; days: number | null }[]> {
  const rows = await db().reviewDeadline.findMany();
  return STAGES.map((stage) => ({ stage, days: rows.find((r) => r.stage === stage)?.days ?? null }));
}

/**
 * Add a minimum-wage row (yuan per month from `effectiveFrom`, for one tier or all when tier is empty).
 * @throws DomainError application.wageExists (409) when that date and tier already have a row
 */
export async function addMinimumWage(ctx: RequestContext, input: { effectiveFrom: Date; tier?: string; monthlyAmount: Decimal; source?: string }) {
  return mutate(ctx, async (tx, record) => {
    const tier = input.tier ?? null;
    if (await tx.minimumWage.findFirst({ where: { effectiveFrom: input.effectiveFrom, tier }, select: { id: true } })) {
      throw new DomainError("application.wageExists", {}, 409);
    }
    const row = await tx.minimumWage.create({ data: { effectiveFrom: input.effectiveFrom, tier, monthlyAmount: input.monthlyAmount.toFixed(2), source: input.source ?? null } });
    record({ action: "minimumWage.create", entityType: "MinimumWage", entityId: row.id, after: row });
    return { id: row.id };
  });
}

/**
 * Set the number of calendar days of each stage (art. 18; applies to applications entering a stage from now on).
 * Only stages whose days differ are written and audited; saving the values already in force is a
 * no-op that writes nothing (not even an audit row) and reports `saved: false`.
 * @returns saved: whether anything changed; changed: the stages whose days were written
 */
export async function setReviewDeadlines(ctx: RequestContext, days: Record<ApplicationStage, number>): Promise<{ saved: boolean; changed: ApplicationStage[] }> {
  return mutate(ctx, async (tx, record, unchanged) => {
    const changed: ApplicationStage[] = [];
    for (const stage of STAGES) {
      const before = await tx.reviewDeadline.findUnique({ where: { stage } });
      if (before?.days === days[stage]) continue;
      const after = await tx.reviewDeadline.upsert({ where: { stage }, update: { days: days[stage] }, create: { stage, days: days[stage] } });
      record({ action: "reviewDeadline.update", entityType: "ReviewDeadline", entityId: stage, before, after });
      changed.push(stage);
    }
    if (changed.length === 0) unchanged();
    return { saved: changed.length > 0, changed };
  });
}
