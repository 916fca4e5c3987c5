/**
 * The application form (申报表) as a draft: create and edit (art. 18.1), with
 * the art. 2 eligibility context and duplicate detection. Submission and every
 * later step go through ./commands.ts.
 */
import { authorize } from "@/lib/authz";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { db, type Tx } from "@/lib/db";
import { ConflictError, DomainError, UnauthenticatedError } from "@/lib/errors";
import type { Application } from "@/lib/generated/prisma/client";
import { policyInForce } from "@/lib/policy/service";
import { checkAidQuantity } from "./amounts";
import type { ApplicationForm } from "./application-form";
import { todayInChina } from "@/lib/dates";
import { maskAccount } from "./bank-account";
import { isSameEvent } from "./duplicates";
import { applicationNumber } from "./numbering";
import { applicantContext, loadApplication, toApplicationResource } from "./resource";
import { OPEN_STATUSES } from "./workflow";

/** An audit snapshot of an application; the bank account number is masked to its last 4 digits (maskAccount). */
export function applicationSnapshot(app: Application) {
  return { ...app, bankAccountNumber: maskAccount(app.bankAccountNumber) };
}

export type DuplicateHint = { id: number; number: string; status: Application["status"]; eventDate: Date };

/**
 * Other open applications of the same applicant for the same event (a warning, never a refusal).
 * @param excludeId the application itself
 */
export async function findDuplicates(
  client: Tx,
  applicantId: number,
  event: { eventType: string; eventDate: Date },
  excludeId?: number,
): Promise<DuplicateHint[]> {
  const open = await client.application.findMany({
    where: { applicantId, status: { in: [...OPEN_STATUSES] }, ...(excludeId ? { id: { not: excludeId } } : {}) },
    select: { id: true, number: true, status: true, eventType: true, eventDate: true },
    orderBy: { id: "asc" },
  });
  return open.filter((o) => isSameEvent(o, event)).map(({ eventType: _eventType, ...hint }) => hint);
}

/** Only the quantity of the chosen article is stored (art. 15/16 yuan; art. 17 months + start). */
function formFields(form: ApplicationForm) {
  return {
    article: form.article,
    eventType: form.eventType,
    eventDate: form.eventDate,
    eventDescription: form.eventDescription,
    harmDescription: form.harmDescription,
    requestedAmount: form.requestedAmount ?? null,
    requestedMonths: form.requestedMonths ?? null,
    unemployedFrom: form.unemployedFrom ?? null,
    bankName: form.bankName,
    bankAccountName: form.bankAccountName,
    bankAccountNumber: form.bankAccountNumber,
  };
}

/**
 * A cadre starts an application for themselves (draft). The amount or months
 * are checked against the policy in force today (art. 15–17); the application reports
 * to the district/industrial union above the applicant's union (art. 18.1).
 * @param options isDemo marks demo data (seed)
 * @returns the new application's id and number, and open applications of the same person for the same event
 * @throws UnauthenticatedError without an actor; DomainError application.notAffiliated (no reporting union, art. 2/18.1);
 *   amount errors from checkAidQuantity; policy.missing
 */
export async function createDraft(
  ctx: RequestContext,
  form: ApplicationForm,
  options: { isDemo?: boolean } = {},
): Promise<{ id: number; number: string; duplicates: DuplicateHint[] }> {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  return mutate(ctx, async (tx, record) => {
    const applicant = await applicantContext(tx, actor.id);
    if (!applicant.reportingOrg) throw new DomainError("application.notAffiliated");
    const policy = await policyInForce(tx, todayInChina());
    checkAidQuantity(form.article, { amount: form.requestedAmount, months: form.requestedMonths }, policy);
    const [row] = await tx.$queryRaw<{ id: number }[]>`SELECT nextval(pg_get_serial_sequence('"Application"', 'id'))::int AS id`;
    const id = row!.id;
    const number = applicationNumber(todayInChina().getUTCFullYear(), id);
    const app = await tx.application.create({
      data: {
        id,
        number,
        applicantId: actor.id,
        organizationId: applicant.organization.id,
        reportingOrgId: applicant.reportingOrg.id,
        policyVersionId: policy.id,
        position: applicant.user.position ?? "OTHER",
        fullTime: applicant.user.fullTime,
        phone: form.phone ?? applicant.user.phone,
        ...formFields(form),
        isDemo: options.isDemo ?? false,
      },
    });
    record({ action: "application.create", entityType: "Application", entityId: id, after: applicationSnapshot(app) });
    return { id, number, duplicates: await findDuplicates(tx, actor.id, form, id) };
  });
}

/**
 * The applicant edits a draft or a returned application (art. 18: more material after a return).
 * @param version the version the applicant saw (optimistic concurrency)
 * @throws ForbiddenError unless application.edit allows it now; ConflictError application.conflict when the application changed meanwhile;
 *   amount errors from checkAidQuantity (against the application's own policy version)
 */
export async function updateApplication(ctx: RequestContext, applicationId: number, version: number, form: ApplicationForm) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  return mutate(ctx, async (tx, record) => {
    const before = await loadApplication(tx, applicationId);
    authorize(actor, "application.edit", toApplicationResource(before));
    if (before.version !== version) throw new ConflictError("application.conflict");
    checkAidQuantity(form.article, { amount: form.requestedAmount, months: form.requestedMonths }, before.policyVersion);
    const updated = await tx.application.updateMany({
      where: { id: applicationId, version, status: before.status },
      data: { ...formFields(form), phone: form.phone ?? before.phone, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("application.conflict");
    const after = await tx.application.findUniqueOrThrow({ where: { id: applicationId } });
    const { organization: _o, reportingOrg: _r, policyVersion: _p, ...plain } = before;
    record({ action: "application.edit", entityType: "Application", entityId: applicationId, before: applicationSnapshot(plain), after: applicationSnapshot(after) });
    return { id: applicationId, duplicates: await findDuplicates(tx, actor.id, form, applicationId) };
  });
}

/** The eligibility context of a would-be applicant (for the form page, before anything is saved). */
export function eligibilityOf(userId: number) {
  return applicantContext(db(), userId);
}
