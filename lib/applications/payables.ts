/**
 * What an approved application is owed (payables the ledger pays, source type
 * "application"), and re-employment ending art. 17 support.
 *
 * - art. 15/16: one ONE_OFF payable (instalment 1) of the approved amount, due on the decision day.
 * - art. 17: one MONTHLY_SUPPORT payable per support month (./schedule.ts), due the day after the month ends.
 * - The fund: a leading-group decision is paid from the city federation's fund
 *   (art. 11–13); a chairperson's-office-meeting approval (art. 18.3) from the
 *   fund of the meeting's own organisation.
 * The ledger (lib/ledger) sets PAID; this module never touches PAID rows. The
 * feature uses the ledger (fundFor, schedulePayables, cancelPayable); the
 * ledger asks this feature whether a payable can be paid (./ledger-source.ts).
 */
import { authorize } from "@/lib/authz";
import { mutate, type RecordAudit, type RequestContext } from "@/lib/audit/writer";
import type { Tx } from "@/lib/db";
import { ConflictError, DomainError, UnauthenticatedError } from "@/lib/errors";
import { fundFor } from "@/lib/ledger/funds";
import { cancelPayable, payablesOf, schedulePayables, type PayableSpec } from "@/lib/ledger/payables";
import type { DecisionPath } from "@/lib/generated/prisma/enums";
import { defaultLocaleText } from "@/lib/notifications/text";
import { applicationSnapshot } from "./drafts";
import { isoDate, todayInChina } from "@/lib/dates";
import { art17Schedule, monthPayable, wageTierOf } from "./schedule";
import { cityFederationOf, loadApplication, orgsOnPath, toApplicationResource } from "./resource";
import { APPLICATION_SOURCE } from "./ledger-source";

type LoadedApplication = Awaited<ReturnType<typeof loadApplication>>;

/** The art. 17 schedule of an application for `months` months, with the wage table and the applicant's tier. */
export async function scheduleForApplication(tx: Tx, app: LoadedApplication, months: number) {
  if (!app.unemployedFrom) throw new DomainError("application.unemployedFromMissing");
  // One after the other: queries of one transaction share its connection.
  const wages = await tx.minimumWage.findMany({ orderBy: { effectiveFrom: "asc" } });
  const chain = await orgsOnPath(tx, app.organization.path);
  const tier = wageTierOf(app.organization.path, new Map(chain.map((o) => [o.id, o])));
  return {
    tier,
    schedule: art17Schedule({ unemployedFrom: app.unemployedFrom, months, maxMonths: app.policyVersion.minimumWageSupportMaxMonths, reemployedOn: app.reemployedOn, wages, tier }),
  };
}

/**
 * Create the payables of an application that has just been approved (inside its transaction).
 * @param decision path, the decider's organisation and the decision day
 * @returns the created payables
 * @throws DomainError fund.notHolder when a chairperson's meeting sits below district level (art. 11);
 *   application.noMinimumWage when the wage table has no rate for a support month
 */
export async function createPayablesOnApproval(
  tx: Tx,
  record: RecordAudit,
  app: LoadedApplication,
  decision: { path: DecisionPath; deciderOrgId: number; decidedOn: Date; amount: { toString(): string } | null; months: number | null },
) {
  const fundOrgId = decision.path === "CHAIRPERSON_MEETING" ? decision.deciderOrgId : (await cityFederationOf(tx, app.organization.path)).id;
  // 第十一条: the rights protection fund of the paying union body.
  const fund = await fundFor(tx, record, { organizationId: fundOrgId, kind: "RIGHTS_PROTECTION" });
  let payables: PayableSpec[];
  if (app.article === "ART17") {
    const { schedule } = await scheduleForApplication(tx, app, decision.months!);
    payables = schedule.months.map((m) => ({
      kind: "MONTHLY_SUPPORT" as const,
      instalmentNo: m.instalmentNo,
      periodStart: m.periodStart,
      periodEnd: m.periodEnd,
      rate: m.wageRate,
      amount: m.amount,
      dueOn: m.dueOn,
    }));
  } else {
    payables = [{ kind: "ONE_OFF" as const, instalmentNo: 1, periodStart: decision.decidedOn, amount: decision.amount!, dueOn: decision.decidedOn }];
  }
  // Reported under the article and the district/industrial union the application was reported to (18.1); paid to the applicant.
  return schedulePayables(tx, record, {
    source: { sourceType: APPLICATION_SOURCE, sourceId: app.id },
    fundId: fund.id,
    category: app.article,
    reportingOrgId: app.reportingOrgId,
    payee: { userId: app.applicantId },
    payables,
  });
}

/**
 * Art. 17 "至重新领薪或工作为止": record the day the cadre was re-employed or paid
 * again, and cancel the SCHEDULED instalments of months that were not spent
 * wholly unemployed (that month and every later one). PAID instalments are
 * never touched; those that would no longer be due are reported as overpaid.
 * @throws ForbiddenError unless application.recordReemployment; ConflictError application.conflict (stale version, or an
 *   instalment paid meanwhile); DomainError application.notArt17 | application.reemploymentRecorded | application.reemployedBeforeUnemployed
 */
export async function recordReemployment(ctx: RequestContext, input: { applicationId: number; version: number; reemployedOn: Date }) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  return mutate(ctx, async (tx, record) => {
    const app = await loadApplication(tx, input.applicationId);
    authorize(actor, "application.recordReemployment", toApplicationResource(app));
    if (app.version !== input.version) throw new ConflictError("application.conflict");
    if (app.article !== "ART17") throw new DomainError("application.notArt17");
    if (app.reemployedOn) throw new DomainError("application.reemploymentRecorded", { date: isoDate(app.reemployedOn) });
    if (!app.unemployedFrom || input.reemployedOn.getTime() < app.unemployedFrom.getTime()) throw new DomainError("application.reemployedBeforeUnemployed");
    if (input.reemployedOn.getTime() > todayInChina().getTime()) throw new DomainError("application.reemployedInFuture");

    const updated = await tx.application.updateMany({ where: { id: app.id, version: input.version }, data: { reemployedOn: input.reemployedOn, version: { increment: 1 } } });
    if (updated.count === 0) throw new ConflictError("application.conflict");
    const { organization: _o, reportingOrg: _r, policyVersion: _p, ...plain } = app;
    const after = await tx.application.findUniqueOrThrow({ where: { id: app.id } });
    record({ action: "application.recordReemployment", entityType: "Application", entityId: app.id, before: applicationSnapshot(plain), after: applicationSnapshot(after) });

    const cancelReason = defaultLocaleText("applications.payables")("cancelReason", { date: isoDate(input.reemployedOn) });
    const payables = await payablesOf(tx, { sourceType: APPLICATION_SOURCE, sourceId: app.id });
    const cancelled: number[] = [];
    const overpaid: number[] = [];
    for (const { fund: _fund, ...p } of payables) {
      if (monthPayable(p.dueOn, input.reemployedOn)) continue;
      if (p.status === "PAID") overpaid.push(p.instalmentNo);
      if (p.status !== "SCHEDULED") continue;
      await cancelPayable(tx, record, p, cancelReason, "application.conflict");
      cancelled.push(p.instalmentNo);
    }
    return { id: app.id, cancelled, overpaid };
  });
}
