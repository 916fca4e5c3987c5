/**
 * Protective measures on an application (《办法》第六条至第十条), taken by the upper
 * union (district/industrial union, art. 18.2 "采取相应的保护措施") or the office:
 * record one (with an optional note), then close it with its outcome — the note
 * and the outcome are kept in separate columns, so closing never loses the note.
 * Audited; optimistic concurrency on the measure's own version.
 */
import { authorize } from "@/lib/authz";
import { mutate, type RequestContext } from "@/lib/audit/writer";
import { db, type Tx } from "@/lib/db";
import { ConflictError, DomainError, NotFoundError, UnauthenticatedError } from "@/lib/errors";
import type { MeasureStatus } from "@/lib/generated/prisma/enums";
import { measureDetailsOf, type NewMeasureInput } from "./measures";
import { loadApplication, toApplicationResource } from "./resource";

/**
 * Record a measure on an application.
 * @throws ForbiddenError unless application.measure; NotFoundError; DomainError application.dueBeforeStart
 */
export async function addMeasure(ctx: RequestContext, input: NewMeasureInput) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  return mutate(ctx, async (tx, record) => {
    const app = await loadApplication(tx, input.applicationId);
    authorize(actor, "application.measure", toApplicationResource(app));
    if (input.dueOn && input.dueOn.getTime() < input.startedOn.getTime()) throw new DomainError("application.dueBeforeStart");
    const measure = await tx.protectiveMeasure.create({
      data: {
        applicationId: app.id,
        kind: input.kind,
        ownerId: actor.id,
        ownerOrgId: actor.organizationId,
        startedOn: input.startedOn,
        dueOn: input.dueOn ?? null,
        note: input.note ?? null,
        details: measureDetailsOf(input),
      },
    });
    record({ action: "measure.create", entityType: "ProtectiveMeasure", entityId: measure.id, after: measure });
    return { id: measure.id };
  });
}

/**
 * Close a measure: DONE with its outcome, or CANCELLED with the reason.
 * @param version the measure version the actor saw
 * @throws ForbiddenError unless application.measure on its application; NotFoundError; ConflictError application.conflict;
 *   DomainError application.measureClosed (already closed) | application.completedBeforeStart
 */
export async function closeMeasure(
  ctx: RequestContext,
  input: { measureId: number; version: number; status: Exclude<MeasureStatus, "OPEN">; completedOn: Date; outcome: string },
) {
  const actor = ctx.actor;
  if (!actor) throw new UnauthenticatedError();
  return mutate(ctx, async (tx, record) => {
    const before = await tx.protectiveMeasure.findUnique({ where: { id: input.measureId } });
    if (!before) throw new NotFoundError();
    authorize(actor, "application.measure", toApplicationResource(await loadApplication(tx, before.applicationId)));
    if (before.status !== "OPEN") throw new DomainError("application.measureClosed", {}, 409);
    if (before.version !== input.version) throw new ConflictError("application.conflict");
    if (input.completedOn.getTime() < before.startedOn.getTime()) throw new DomainError("application.completedBeforeStart");
    const updated = await tx.protectiveMeasure.updateMany({
      where: { id: before.id, version: input.version, status: "OPEN" },
      data: { status: input.status, completedOn: input.completedOn, outcome: input.outcome, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("application.conflict");
    const after = await tx.protectiveMeasure.findUniqueOrThrow({ where: { id: before.id } });
    record({ action: input.status === "DONE" ? "measure.complete" : "measure.cancel", entityType: "ProtectiveMeasure", entityId: before.id, before, after });
    return { id: before.id, applicationId: before.applicationId };
  });
}

/** The application a measure belongs to. @throws NotFoundError */
export async function measureApplicationId(client: Tx, measureId: number): Promise<number> {
  const m = await client.protectiveMeasure.findUnique({ where: { id: measureId }, select: { applicationId: true } });
  if (!m) throw new NotFoundError();
  return m.applicationId;
}

/** An art. 6 opinion letter (意见书) of application `applicationId` with its issuing organisation, for printing; null when there is none. */
export async function opinionLetterOf(applicationId: number, measureId: number) {
  const measure = await db().protectiveMeasure.findFirst({
    where: { id: measureId, applicationId, kind: "ART6_OPINION_LETTER" },
    include: { application: { select: { number: true, applicant: { select: { displayName: true } }, organization: { select: { name: true } } } } },
  });
  if (!measure) return null;
  const issuer = await db().organization.findUnique({ where: { id: measure.ownerOrgId }, select: { name: true } });
  return { measure, issuer };
}
