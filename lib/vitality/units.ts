/**
 * Participating units (《实施方案》三), the higher organisations' evaluation and the combined result
 * (四.2, 五.1–2) with its consequences. Services on Prisma; the rules are in ./rules.ts.
 */
import { mutate, type RecordAudit, type RequestContext } from "@/lib/audit/writer";
import { db, type Tx } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Ownership, UnitNature } from "@/lib/generated/prisma/enums";
import { ballotResult } from "./ballots";
import { policyData, vitalityPolicyInForce } from "./policy";
import {
  classify,
  combinedSatisfaction,
  consequencesFor,
  memberRates,
  scopeOf,
  type Consequences,
  type MemberRates,
  type Rate,
  type VitalityClass,
  type YearResult,
} from "./rules";

/** Enrolment input: the unit's project profile for the year (三, 附件1). */
export type NewEnrolment = {
  organizationId: number;
  year: number;
  unitNature: UnitNature;
  ownership: Ownership | null;
  staffCount: number;
  memberCount: number;
  chairpersonName: string;
  partyOrganisation: string;
  enterpriseManaged: boolean;
  industryUnion: boolean;
  /** the enrolling upper union extends the project to non-public enterprises of 50–99 staff (三) */
  extendTo50: boolean;
  isDemo?: boolean;
};

/**
 * Check a unit's profile against 三 (scope) with the policy in force on 1 January of the year, and
 * derive its model (四.1). Pure over `tx` reads.
 * @throws DomainError vitality.scope.<why> when out of scope; vitality.policy.missing
 */
export async function checkEnrolment(tx: Tx, input: NewEnrolment, orgType: string) {
  const policy = await vitalityPolicyInForce(tx, new Date(Date.UTC(input.year, 0, 1)));
  const scope = scopeOf(
    {
      orgType,
      unitNature: input.unitNature,
      ownership: input.ownership,
      staffCount: input.staffCount,
      enterpriseManaged: input.enterpriseManaged,
      industryUnion: input.industryUnion,
      districtExtendsTo50: input.extendTo50,
    },
    policyData(policy),
  );
  if (!scope.inScope) throw new DomainError(`vitality.scope.${scope.why}`, { staff: input.staffCount });
  return scope;
}

/** Insert an enrolment inside `tx` (used by the form and by the all-or-nothing Excel import). */
export async function insertEnrolment(tx: Tx, ctx: RequestContext, input: NewEnrolment, record: RecordAudit) {
  const org = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true, type: true } });
  if (!org) throw new NotFoundError();
  const scope = await checkEnrolment(tx, input, org.type);
  const existing = await tx.vitalityEnrolment.findUnique({ where: { organizationId_year: { organizationId: org.id, year: input.year } }, select: { id: true } });
  if (existing) throw new ConflictError("vitality.enrolment.duplicate", { year: input.year });
  const enrolment = await tx.vitalityEnrolment.create({
    data: {
      organizationId: org.id,
      year: input.year,
      unitNature: input.unitNature,
      ownership: input.ownership,
      staffCount: input.staffCount,
      memberCount: input.memberCount,
      chairpersonName: input.chairpersonName,
      partyOrganisation: input.partyOrganisation,
      enterpriseManaged: input.enterpriseManaged,
      industryUnion: input.industryUnion,
      scopeReason: scope.reason,
      model: scope.model,
      enrolledById: ctx.actor?.id ?? null,
      isDemo: input.isDemo ?? false,
    },
  });
  record({ action: "vitality.enrol", entityType: "VitalityEnrolment", entityId: enrolment.id, after: { organizationId: org.id, year: input.year, scopeReason: scope.reason, model: scope.model } });
  return enrolment;
}

/**
 * Enrol one unit for a year (三; by the upper union — the caller has checked `vitality.enrol`).
 * @throws DomainError vitality.scope.*, ConflictError vitality.enrolment.duplicate
 */
export async function enrolUnit(ctx: RequestContext, input: NewEnrolment) {
  try {
    return await mutate(ctx, (tx, record) => insertEnrolment(tx, ctx, input, record));
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError("vitality.enrolment.duplicate", { year: input.year });
    throw error;
  }
}

/**
 * Record (or correct) the higher organisations' evaluation (四.2 上级组织的工作评价), a percent score
 * in the same terms as the members' rate, with the party organisation that took part.
 * @throws DomainError vitality.rateOutOfRange
 */
export async function recordHigherEvaluation(ctx: RequestContext, enrolmentId: number, input: { scorePercent: string; partyOrganisation: string; evaluatedOn: Date }) {
  const score = new Prisma.Decimal(input.scorePercent);
  if (score.lt(0) || score.gt(100) || score.decimalPlaces() > 2) throw new DomainError("vitality.rateOutOfRange");
  return mutate(ctx, async (tx, record) => {
    const enrolment = await tx.vitalityEnrolment.findUnique({ where: { id: enrolmentId }, include: { higherEvaluation: true } });
    if (!enrolment) throw new NotFoundError();
    const before = enrolment.higherEvaluation;
    const data = { scorePercent: score.toFixed(2), partyOrganisation: input.partyOrganisation, evaluatedOn: input.evaluatedOn, evaluatedById: ctx.actor?.id ?? null };
    const saved = await tx.vitalityHigherEvaluation.upsert({ where: { enrolmentId }, create: { enrolmentId, ...data }, update: data });
    record({
      action: "vitality.higherEvaluation",
      entityType: "VitalityHigherEvaluation",
      entityId: saved.id,
      before: before ? { scorePercent: before.scorePercent.toString(), partyOrganisation: before.partyOrganisation } : undefined,
      after: { scorePercent: saved.scorePercent.toString(), partyOrganisation: saved.partyOrganisation },
    });
    return saved;
  });
}

/** The combined result of one enrolment, with every denominator the result page shows. */
export type UnitResult = {
  enrolmentId: number;
  year: number;
  /** the latest closed ballot (valid preferred), or null */
  ballot: { id: number; votes: number; due: number; required: number; valid: boolean } | null;
  member: MemberRates | null;
  higherPercent: string | null;
  memberWeightPercent: string | null;
  combined: Rate | null;
  class: VitalityClass;
  consequences: Consequences | null;
};

async function yearFigures(client: Tx, enrolmentId: number) {
  const ballots = await client.vitalityBallot.findMany({ where: { enrolmentId, status: "CLOSED" }, orderBy: [{ closedAt: "desc" }, { id: "desc" }], select: { id: true, valid: true } });
  const chosen = ballots.find((b) => b.valid) ?? ballots[0];
  if (!chosen) return { ballot: null, member: null, policy: null };
  const r = await ballotResult(client, chosen.id);
  const committee = r.items.indexOf("COMMITTEE");
  const [satisfied, basic, dissatisfied] = r.tally[committee]!;
  const policy = policyData(r.policy);
  const member = r.votes > 0 ? memberRates({ satisfied, basic, dissatisfied }, policy) : null;
  return { ballot: { id: r.id, votes: r.votes, due: r.due, required: r.required, valid: r.valid }, member, policy };
}

/**
 * The combined satisfaction (四.2), class (五) and consequences (四.2) of an enrolment.
 * The members' part counts only from a valid ballot; consequences use every earlier year's valid result of the unit.
 * @throws NotFoundError
 */
export async function unitResult(client: Tx, enrolmentId: number): Promise<UnitResult> {
  const enrolment = await client.vitalityEnrolment.findUnique({
    where: { id: enrolmentId },
    include: { higherEvaluation: true, plan: { select: { publishedOn: true } }, dualReport: { select: { congressReceivedOn: true, higherReceivedOn: true } } },
  });
  if (!enrolment) throw new NotFoundError();
  const figures = await yearFigures(client, enrolmentId);
  const validMember = figures.ballot?.valid && figures.member ? figures.member : null;
  const higher = enrolment.higherEvaluation?.scorePercent.toString() ?? null;
  const combined = validMember && higher !== null && figures.policy ? combinedSatisfaction(validMember.satisfactionPercent, higher, figures.policy) : null;
  const cls = figures.policy
    ? classify(
        combined,
        {
          planRecorded: enrolment.plan?.publishedOn != null,
          dualReportSubmitted: enrolment.dualReport?.congressReceivedOn != null && enrolment.dualReport?.higherReceivedOn != null,
        },
        figures.policy,
      )
    : "NOT_EVALUATED";
  let consequences: Consequences | null = null;
  if (validMember && figures.policy) {
    const history: YearResult[] = [{ year: enrolment.year, dissatisfactionPercent: validMember.dissatisfactionPercent, combinedPercent: combined }];
    const earlier = await client.vitalityEnrolment.findMany({ where: { organizationId: enrolment.organizationId, year: { lt: enrolment.year } }, select: { id: true, year: true } });
    for (const e of earlier) {
      const f = await yearFigures(client, e.id);
      if (f.ballot?.valid && f.member) history.push({ year: e.year, dissatisfactionPercent: f.member.dissatisfactionPercent, combinedPercent: null });
    }
    consequences = consequencesFor(enrolment.year, history, enrolment.unitNature, figures.policy);
  }
  return {
    enrolmentId,
    year: enrolment.year,
    ballot: figures.ballot,
    member: figures.member,
    higherPercent: higher,
    memberWeightPercent: figures.policy ? String(figures.policy.memberWeightPercent) : null,
    combined,
    class: cls,
    consequences,
  };
}

/** Shorthand with the process's client. */
export function unitResultOf(enrolmentId: number) {
  return unitResult(db(), enrolmentId);
}
