/**
 * Read models of the applications feature: review queues, the applicant's own applications,
 * the application page and the home widget. Server-side filtering, sorting and
 * pagination on indexed columns (see the bench: scripts/bench/applications.ts).
 *
 * Visibility is the gate's application.view list scope (`scopeWhere`, lib/authz/scope.ts): a
 * reviewer sees applications whose applicant's union lies in their subtree; queues never list drafts.
 */
import type { Actor } from "@/lib/authz/types";
import { queueStages } from "@/lib/approval/chain";
import { scopeWhere } from "@/lib/authz/scope";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { AidArticle, ApplicationStage, ApplicationStatus, Role } from "@/lib/generated/prisma/enums";
import { findDuplicates } from "./drafts";
import { todayInChina } from "@/lib/dates";
import { checkEligibility } from "./eligibility";
import { ART18_CHAIN } from "./chain";
import { OPEN_STATUSES } from "./workflow";
import { payablesOf } from "@/lib/ledger/payables";
import { paginate } from "@/lib/paging";
import { APPLICATION_SOURCE } from "./ledger-source";

export const QUEUE_PAGE_SIZE = 20;
export const QUEUE_SORTS = ["due", "submitted", "number", "amount"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export type QueueFilters = {
  /** "mine": applications waiting for the actor's own step; "all": every application the actor may see */
  view: "mine" | "all";
  article?: AidArticle;
  status?: ApplicationStatus;
  stage?: ApplicationStage;
  /** the applicant's union or the union it reports to */
  orgId?: number;
  /** application number, id or applicant name */
  q?: string;
  sort: QueueSort;
  page: number;
};

/** Stages whose queue a role works on (the art. 18 chain's steps); the chairperson's meeting sees every stage (18.3 fast track). */
export function queueStagesOf(roles: readonly Role[]): ApplicationStage[] {
  return queueStages(ART18_CHAIN, roles);
}

/** The organisations the actor may see (org.view scope: their subtree): id → name. */
async function subtree(actor: Actor): Promise<Map<number, string>> {
  const rows = await db().organization.findMany({ where: scopeWhere(actor, "org.view"), select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function searchCondition(q: string | undefined): Promise<Prisma.ApplicationWhereInput | null> {
  const term = q?.trim();
  if (!term) return null;
  const or: Prisma.ApplicationWhereInput[] = [{ number: term.toUpperCase() }];
  // Digits alone are an application id (or number), never part of a name.
  if (/^\d{1,9}$/.test(term)) return { OR: [...or, { id: Number(term) }] };
  const people = await db().user.findMany({ where: { displayName: { contains: term } }, select: { id: true }, take: 500 });
  if (people.length) or.push({ applicantId: { in: people.map((p) => p.id) } });
  return { OR: or };
}

const ORDER: Record<QueueSort, Prisma.ApplicationOrderByWithRelationInput[]> = {
  due: [{ stageDueAt: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  submitted: [{ submittedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
  number: [{ number: "asc" }],
  amount: [{ requestedAmount: { sort: "desc", nulls: "last" } }, { id: "desc" }],
};

const ROW_SELECT = (day: Date) =>
  ({
    id: true,
    number: true,
    article: true,
    status: true,
    stage: true,
    returnRound: true,
    submittedAt: true,
    stageDueAt: true,
    requestedAmount: true,
    requestedMonths: true,
    proposedAmount: true,
    proposedMonths: true,
    organizationId: true,
    applicant: { select: { displayName: true } },
    _count: { select: { measures: { where: { kind: "ART6_OPINION_LETTER", status: "OPEN", dueOn: { lt: day } } } } },
  }) satisfies Prisma.ApplicationSelect;

export type QueueRow = Prisma.ApplicationGetPayload<{ select: ReturnType<typeof ROW_SELECT> }> & {
  /** the applicant's union (always in the actor's subtree) */
  orgName: string;
  overdue: boolean;
  overdueLetters: number;
};

/**
 * One page of a reviewer's queue: overdue applications first (stageDueAt < now), then
 * the rest, each part in the chosen order.
 * @returns rows, totals and the page actually shown (clamped to the last page)
 */
export async function reviewQueue(actor: Actor, filters: QueueFilters, now: Date = new Date()) {
  const [orgs, search] = await Promise.all([subtree(actor), searchCondition(filters.q)]);
  const and: Prisma.ApplicationWhereInput[] = [scopeWhere(actor, "application.view"), { status: { not: "DRAFT" } }];
  if (filters.view === "mine") {
    const stages = queueStagesOf(actor.roles);
    and.push({ status: "IN_REVIEW", stage: { in: stages }, applicantId: { not: actor.id } });
  }
  if (filters.status) and.push({ status: filters.status });
  if (filters.stage) and.push({ stage: filters.stage });
  if (filters.article) and.push({ article: filters.article });
  if (filters.orgId) and.push({ OR: [{ organizationId: filters.orgId }, { reportingOrgId: filters.orgId }] });
  if (search) and.push(search);

  const overdueWhere: Prisma.ApplicationWhereInput = { AND: [...and, { status: "IN_REVIEW", stageDueAt: { lt: now } }] };
  const restWhere: Prisma.ApplicationWhereInput = { AND: [...and, { OR: [{ status: { not: "IN_REVIEW" } }, { stageDueAt: null }, { stageDueAt: { gte: now } }] }] };
  const [overdueTotal, restTotal] = await Promise.all([db().application.count({ where: overdueWhere }), db().application.count({ where: restWhere })]);
  const total = overdueTotal + restTotal;
  const { page, pages, offset } = paginate(total, QUEUE_PAGE_SIZE, filters.page);
  const select = ROW_SELECT(todayInChina(now));
  const orderBy = ORDER[filters.sort];

  const rows: QueueRow[] = [];
  if (offset < overdueTotal) {
    const part = await db().application.findMany({ where: overdueWhere, orderBy, skip: offset, take: QUEUE_PAGE_SIZE, select });
    rows.push(...part.map((r) => ({ ...r, orgName: orgs.get(r.organizationId) ?? "", overdue: true, overdueLetters: r._count.measures })));
  }
  if (rows.length < QUEUE_PAGE_SIZE && restTotal > 0) {
    const part = await db().application.findMany({
      where: restWhere,
      orderBy,
      skip: Math.max(0, offset - overdueTotal),
      take: QUEUE_PAGE_SIZE - rows.length,
      select,
    });
    rows.push(...part.map((r) => ({ ...r, orgName: orgs.get(r.organizationId) ?? "", overdue: false, overdueLetters: r._count.measures })));
  }
  return { rows, total, overdueTotal, page, pages };
}

/** Applications waiting for the actor's own step (home widget / nav badge). */
export async function queueCount(actor: Actor): Promise<number> {
  const stages = queueStagesOf(actor.roles);
  if (stages.length === 0) return 0;
  return db().application.count({
    where: { AND: [scopeWhere(actor, "application.view"), { status: "IN_REVIEW", stage: { in: stages }, applicantId: { not: actor.id } }] },
  });
}

/** Open applications (draft, in review, returned) of an applicant (home widget). */
export function openApplicationCount(applicantId: number): Promise<number> {
  return db().application.count({ where: { applicantId, status: { in: [...OPEN_STATUSES] } } });
}

/** The applicant's own applications, newest first. */
export function myApplications(applicantId: number) {
  return db().application.findMany({
    where: { applicantId },
    orderBy: { id: "desc" },
    take: 200,
    select: {
      id: true,
      number: true,
      article: true,
      eventType: true,
      status: true,
      stage: true,
      returnRound: true,
      createdAt: true,
      submittedAt: true,
      requestedAmount: true,
      requestedMonths: true,
      approvedAmount: true,
      approvedMonths: true,
    },
  });
}

/** Organisations a reviewer may filter by: the reporting unions and unions in their subtree. */
export function filterableOrgs(actor: Actor) {
  return db().organization.findMany({
    where: { ...scopeWhere(actor, "org.view"), type: { in: ["DISTRICT_FEDERATION", "PILOT_ZONE_FEDERATION", "INDUSTRIAL_UNION", "GRASSROOTS_UNION", "JOINT_GRASSROOTS_UNION", "REGIONAL_FEDERATION"] } },
    select: { id: true, name: true, depth: true },
    orderBy: [{ depth: "asc" }, { id: "asc" }],
    take: 500,
  });
}

/**
 * Everything the application page shows: the application, its policy version, history
 * (review records with their authors), measures, attachments, payables, the
 * audit entries of the application and its parts, and duplicate hints.
 * @returns null when there is no such application
 */
export async function loadApplicationPage(id: number) {
  const app = await db().application.findUnique({
    where: { id },
    include: {
      applicant: { select: { id: true, displayName: true, phone: true } },
      organization: { select: { id: true, name: true, path: true, type: true } },
      reportingOrg: { select: { id: true, name: true, path: true } },
      policyVersion: true,
      reviews: { orderBy: [{ at: "asc" }, { id: "asc" }] },
      measures: { orderBy: { id: "asc" } },
      attachments: { orderBy: [{ createdAt: "asc" }] },
    },
  });
  if (!app) return null;
  // What the approved application is owed: its payables in the ledger (source "application").
  const payables = await payablesOf(db(), { sourceType: APPLICATION_SOURCE, sourceId: id });
  const people = [...new Set([...app.reviews.map((r) => r.actorId), ...app.measures.map((m) => m.ownerId), ...app.attachments.map((a) => a.uploadedById)])];
  const orgIds = [...new Set([...app.reviews.map((r) => r.actorOrgId), ...app.measures.map((m) => m.ownerOrgId)])];
  const parts: Prisma.AuditLogWhereInput[] = [{ entityType: "Application", entityId: String(id) }];
  const add = (entityType: string, ids: (string | number)[]) => {
    if (ids.length) parts.push({ entityType, entityId: { in: ids.map(String) } });
  };
  add("ReviewRecord", app.reviews.map((r) => r.id));
  add("ProtectiveMeasure", app.measures.map((m) => m.id));
  add("Attachment", app.attachments.map((a) => a.id));
  add("Payable", payables.map((p) => p.id));
  const open = OPEN_STATUSES.includes(app.status);
  const [users, orgs, audit, duplicates] = await Promise.all([
    db().user.findMany({ where: { id: { in: people } }, select: { id: true, displayName: true } }),
    db().organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
    db().auditLog.findMany({
      where: { OR: parts },
      orderBy: { id: "asc" },
      take: 300,
      select: { id: true, at: true, actorName: true, action: true, entityType: true, entityId: true },
    }),
    open ? findDuplicates(db(), app.applicantId, app, app.id) : Promise.resolve([]),
  ]);
  const eligibility = checkEligibility({ position: app.position, fullTime: app.fullTime, orgType: app.organization.type, affiliated: true });
  return {
    app: { ...app, payables },
    eligibility,
    duplicates,
    audit,
    personName: new Map(users.map((u) => [u.id, u.displayName])),
    orgName: new Map(orgs.map((o) => [o.id, o.name])),
  };
}

export type ApplicationPage = NonNullable<Awaited<ReturnType<typeof loadApplicationPage>>>;
