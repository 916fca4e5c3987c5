/**
 * Reads of the vitality pages: gate resources, the upper union's list of units for a year (with class and
 * consequences, server-side filter / sort / paging) and a unit's ballots.
 */
import { scopeWhere } from "@/lib/authz/scope";
import type { Actor, Resource } from "@/lib/authz/types";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { paginate, paged, type Paged } from "@/lib/paging";
import { ballotResult } from "./ballots";
import { unitResult, type UnitResult } from "./units";
import type { VitalityClass } from "./rules";

/** The gate's resource of an enrolment (its unit's organisation path). @throws NotFoundError */
export async function enrolmentResource(enrolmentId: number): Promise<Resource> {
  const e = await db().vitalityEnrolment.findUnique({ where: { id: enrolmentId }, select: { id: true, organization: { select: { path: true } } } });
  if (!e) throw new NotFoundError();
  return { type: "vitalityUnit", id: e.id, orgPath: e.organization.path };
}

/** The gate's resource of a ballot (its unit's organisation path). @throws NotFoundError */
export async function ballotResource(ballotId: number): Promise<Resource> {
  const b = await db().vitalityBallot.findUnique({ where: { id: ballotId }, select: { enrolment: { select: { id: true, organization: { select: { path: true } } } } } });
  if (!b) throw new NotFoundError();
  return { type: "vitalityUnit", id: b.enrolment.id, orgPath: b.enrolment.organization.path };
}

/** Units of the actor's subtree that may be enrolled (grassroots, joint grassroots, regional/industry unions). */
export function enrollableUnits(actor: Actor) {
  return db().organization.findMany({
    // the upper union's subtree (vitality.enrol), never itself
    where: { ...scopeWhere(actor, "vitality.enrol"), id: { not: actor.organizationId }, type: { in: ["GRASSROOTS_UNION", "JOINT_GRASSROOTS_UNION", "REGIONAL_FEDERATION"] }, active: true },
    select: { id: true, name: true, path: true, type: true, unitNature: true, ownership: true, staffCount: true },
    orderBy: { name: "asc" },
  });
}

export type UnitRow = {
  id: number;
  organizationId: number;
  name: string;
  unitNature: string;
  model: string;
  scopeReason: string;
  result: UnitResult;
};

export type ListParams = { year: number; cls?: VitalityClass; sort?: "name" | "combined"; page?: unknown };

/** Per page of the units list. */
export const UNITS_PER_PAGE = 25;

/**
 * The enrolled units of the actor's subtree for `year`, each with its result; filtered by class, sorted by
 * name or combined rate (desc), one page of UNITS_PER_PAGE.
 */
export async function listUnits(actor: Actor, params: ListParams): Promise<Paged<UnitRow>> {
  const enrolments = await db().vitalityEnrolment.findMany({
    where: { year: params.year, ...scopeWhere(actor, "vitality.view") },
    select: { id: true, organizationId: true, unitNature: true, model: true, scopeReason: true, organization: { select: { name: true } } },
    orderBy: { organization: { name: "asc" } },
  });
  const rows: UnitRow[] = [];
  for (const e of enrolments) {
    rows.push({ id: e.id, organizationId: e.organizationId, name: e.organization.name, unitNature: e.unitNature, model: e.model, scopeReason: e.scopeReason, result: await unitResult(db(), e.id) });
  }
  const filtered = params.cls ? rows.filter((r) => r.result.class === params.cls) : rows;
  if (params.sort === "combined") filtered.sort((a, b) => (b.result.combined?.toNumber() ?? -1) - (a.result.combined?.toNumber() ?? -1));
  const window = paginate(filtered.length, UNITS_PER_PAGE, params.page);
  return paged(window, filtered.slice(window.offset, window.offset + window.perPage));
}

/** An enrolment with its unit, evaluation and ballots (newest first) for the unit's page. @throws NotFoundError */
export async function enrolmentDetail(enrolmentId: number) {
  const e = await db().vitalityEnrolment.findUnique({
    where: { id: enrolmentId },
    include: {
      organization: { select: { name: true, path: true } },
      higherEvaluation: true,
      ballots: { orderBy: { id: "desc" }, select: { id: true, kind: true, status: true, meetingName: true, meetingDate: true, due: true, votes: true, required: true, valid: true, rerunOfId: true } },
    },
  });
  if (!e) throw new NotFoundError();
  return e;
}

/**
 * The unit's plan (四.1) with its items in order and the members' anonymous suggestions (newest day first), or
 * null when none is recorded yet.
 */
export function planOf(enrolmentId: number) {
  return db().vitalityPlan.findUnique({
    where: { enrolmentId },
    include: { items: { orderBy: { position: "asc" } }, suggestions: { orderBy: { receivedOn: "desc" }, select: { id: true, text: true, receivedOn: true } } },
  });
}

/** The unit's 双述 report (四.2) with both receipts, or null. */
export function dualReportOf(enrolmentId: number) {
  return db().vitalityDualReport.findUnique({ where: { enrolmentId } });
}

/** The consequences recorded for an enrolment (四.2): admonition talks and chairperson adjustments, oldest first. */
export async function consequencesOf(enrolmentId: number) {
  const [talks, adjustments] = await Promise.all([
    db().vitalityAdmonitionTalk.findMany({ where: { enrolmentId }, orderBy: { heldOn: "asc" } }),
    db().vitalityChairpersonAdjustment.findMany({ where: { enrolmentId }, orderBy: { decidedOn: "asc" } }),
  ]);
  return { talks, adjustments };
}

/**
 * The ballot page's data: the ballot with its unit, rerun and policy, and its result once closed
 * (never while open — 四.2 secrecy: no partial tally). @throws NotFoundError
 */
export async function ballotPageData(id: number) {
  const ballot = await db().vitalityBallot.findUnique({
    where: { id },
    include: { enrolment: { select: { id: true, year: true, organization: { select: { name: true, path: true } } } }, rerun: { select: { id: true } }, policy: { select: { code: true, title: true } } },
  });
  if (!ballot) throw new NotFoundError();
  const result = ballot.status === "CLOSED" ? await ballotResult(db(), id) : null;
  return { ballot, result };
}
