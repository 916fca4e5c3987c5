/**
 * The read side of the rights protection fund (lists; the year report is in
 * ./year-report.ts): its funds and years, the ledger of a fund-year, the
 * office's payment queue and the top-up/subsidy requests (《办法》第十一条至
 * 第十四条). Only funds of kind RIGHTS_PROTECTION are shown here — the ledger
 * keeps other kinds too. Money stays decimal and leaves as 2-decimal strings.
 */
import { scopeWhere, type Actor } from "@/lib/authz";
import { db } from "@/lib/db";
import type { AidArticle, FundYearStatus, LedgerKind, OrgType } from "@/lib/generated/prisma/enums";
import { sourceReferences } from "@/lib/ledger/sources";
import { paginate, paged, type Paged } from "@/lib/paging";
import { isoDate, yearStart } from "@/lib/dates";
import { findPolicyInForce } from "@/lib/policy/service";
import { APPLICATION_SOURCE } from "@/lib/applications/ledger-source";
import { isPaidArticle, RIGHTS_PROTECTION } from "./kind";

/** Funds of the rights protection kind the actor may see (the gate's fund.view list scope). */
const inScope = (actor: Actor) => ({ kind: RIGHTS_PROTECTION, ...scopeWhere(actor, "fund.view") });

/** A stored category as the article it is (null for entries that pay no article). */
const articleOf = (category: string | null): AidArticle | null => (isPaidArticle(category) ? category : null);

export type FundSummary = {
  fundId: number;
  name: string;
  orgId: number;
  orgName: string;
  orgType: OrgType;
  orgPath: string;
  year: number;
  status: FundYearStatus | null;
  /** yuan; null when the year is not opened */
  balance: string | null;
  openingBalance: string | null;
  closingBalance: string | null;
  entryCount: number;
  settledAt: Date | null;
};

/** Rights protection funds the actor may see (fund.view scope) with their state in `year`, city first. */
export async function listFunds(actor: Actor, year: number): Promise<FundSummary[]> {
  const funds = await db().fund.findMany({
    where: inScope(actor),
    include: { organization: { select: { id: true, name: true, type: true, path: true, depth: true } }, years: { where: { year } } },
    orderBy: [{ organization: { depth: "asc" } }, { organizationId: "asc" }],
  });
  return funds.map((f) => {
    const y = f.years[0];
    return {
      fundId: f.id,
      name: f.name,
      orgId: f.organization.id,
      orgName: f.organization.name,
      orgType: f.organization.type,
      orgPath: f.organization.path,
      year,
      status: y?.status ?? null,
      balance: y ? y.balance.toFixed(2) : null,
      openingBalance: y ? y.openingBalance.toFixed(2) : null,
      closingBalance: y?.closingBalance ? y.closingBalance.toFixed(2) : null,
      entryCount: y?.entryCount ?? 0,
      settledAt: y?.settledAt ?? null,
    };
  });
}

/** Years any rights protection fund the actor may see has opened, newest first. */
export async function fundYears(actor: Actor): Promise<number[]> {
  const rows = await db().fundYear.findMany({
    where: { fund: inScope(actor) },
    distinct: ["year"],
    select: { year: true },
    orderBy: { year: "desc" },
  });
  return rows.map((r) => r.year);
}

/**
 * One rights protection fund with its organisation and the years it opened (newest first).
 * @returns null when there is no such fund of this kind
 */
export function rightsFund(fundId: number) {
  return db().fund.findFirst({
    where: { id: fundId, kind: RIGHTS_PROTECTION },
    include: { organization: true, years: { orderBy: { year: "desc" }, select: { year: true } } },
  });
}

/** The stored state of one fund-year, or null when the year is not opened. */
export function fundYearOf(fundId: number, year: number) {
  return db().fundYear.findUnique({ where: { fundId_year: { fundId, year } } });
}

export type EntryView = {
  id: string;
  seq: number;
  entryDate: string;
  kind: LedgerKind;
  amount: string;
  balanceAfter: string;
  /** the article paid (the entry's category) */
  article: AidArticle | null;
  /** the source's reference: the application number (申请编号) */
  applicationNumber: string | null;
  /** the reporting organisation: the district/industrial union */
  district: string | null;
  counterpart: string | null;
  reversesSeq: number | null;
  reversedBySeq: number | null;
  method: string | null;
  reference: string | null;
  memo: string | null;
  createdBy: string;
  approvedBy: string | null;
  createdAt: Date;
};

/**
 * Entries of one fund-year in posting order, with the application number, district,
 * recorder and approver ("every entry with its application and approver").
 * @param range seq range (inclusive from, exclusive to); omit for all entries
 */
export async function ledgerEntries(fundId: number, year: number, range?: { fromSeq: number; toSeq: number }): Promise<EntryView[]> {
  const entries = await db().ledgerEntry.findMany({
    where: { fundId, year, ...(range ? { seq: { gte: range.fromSeq, lt: range.toSeq } } : {}) },
    orderBy: { seq: "asc" },
  });
  const ids = (pick: (e: (typeof entries)[number]) => number | null) => [...new Set(entries.map(pick).filter((v): v is number => v !== null))];
  const entryIds = entries.map((e) => e.id);
  const reversedIds = entries.map((e) => e.reversesEntryId).filter((v): v is bigint => v !== null);
  const [refs, users, orgs, counterparts, reversedBy, reverses] = await Promise.all([
    sourceReferences(db(), entries),
    db().user.findMany({ where: { id: { in: [...ids((e) => e.createdById), ...ids((e) => e.approvedById)] } }, select: { id: true, displayName: true } }),
    db().organization.findMany({ where: { id: { in: ids((e) => e.reportingOrgId) } }, select: { id: true, name: true } }),
    db().fund.findMany({ where: { id: { in: ids((e) => e.counterpartFundId) } }, select: { id: true, organization: { select: { name: true } } } }),
    db().ledgerEntry.findMany({ where: { reversesEntryId: { in: entryIds } }, select: { reversesEntryId: true, seq: true } }),
    db().ledgerEntry.findMany({ where: { id: { in: reversedIds } }, select: { id: true, seq: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const fundName = new Map(counterparts.map((f) => [f.id, f.organization.name]));
  const reversedSeq = new Map(reversedBy.map((r) => [String(r.reversesEntryId), r.seq]));
  const reversesSeq = new Map(reverses.map((r) => [String(r.id), r.seq]));
  return entries.map((e) => ({
    id: e.id.toString(),
    seq: e.seq,
    entryDate: isoDate(e.entryDate),
    kind: e.kind,
    amount: e.amount.toFixed(2),
    balanceAfter: e.balanceAfter.toFixed(2),
    article: articleOf(e.category),
    applicationNumber: e.sourceType !== null ? (refs.get(`${e.sourceType}:${e.sourceId}`) ?? null) : null,
    district: e.reportingOrgId !== null ? (orgName.get(e.reportingOrgId) ?? null) : null,
    counterpart: e.counterpartFundId !== null ? (fundName.get(e.counterpartFundId) ?? null) : null,
    reversesSeq: e.reversesEntryId !== null ? (reversesSeq.get(String(e.reversesEntryId)) ?? null) : null,
    reversedBySeq: reversedSeq.get(e.id.toString()) ?? null,
    method: e.method,
    reference: e.reference,
    memo: e.memo,
    createdBy: userName.get(e.createdById) ?? `#${e.createdById}`,
    approvedBy: e.approvedById !== null ? (userName.get(e.approvedById) ?? `#${e.approvedById}`) : null,
    createdAt: e.createdAt,
  }));
}

export type PayableView = {
  id: number;
  version: number;
  fundId: number;
  fundName: string;
  /** the paying fund's holder (the city fund has no upper union to ask for a subsidy) */
  fundOrgType: OrgType;
  /** the source's reference: the application number */
  applicationNumber: string;
  /** the application's id (its page /applications/<id>), null for another kind of source */
  applicationId: number | null;
  /** the payee: the applicant */
  applicantName: string;
  /** the reporting organisation: the district/industrial union */
  district: string;
  article: AidArticle;
  kind: "ONE_OFF" | "MONTHLY_SUPPORT";
  instalmentNo: number;
  periodStart: string;
  periodEnd: string | null;
  dueOn: string;
  amount: string;
  wageRate: string | null;
};

/** Payables per page of the payment queue (due and upcoming lists each). */
export const PAYABLES_PER_PAGE = 50;
/** Requests per page of the requests list. */
export const REQUESTS_PER_PAGE = 50;

/** SCHEDULED payables of the rights protection funds the actor may see, due on or before `today` (the home widget's count). */
export function duePayableCount(actor: Actor, today: Date): Promise<number> {
  return db().payable.count({ where: { status: "SCHEDULED", dueOn: { lte: today }, fund: inScope(actor) } });
}

/**
 * SCHEDULED payables of the funds the actor may see, earliest due first (the
 * office's payment queue), one page at a time: `due` lists those due on or
 * before `today` (payable now), otherwise those not yet due.
 * @param opts.page the raw "?page=" value; out of range or malformed → the nearest valid page
 */
export async function scheduledPayables(
  actor: Actor,
  opts: { due: boolean; today: Date; page?: unknown; perPage?: number; fundId?: number },
): Promise<Paged<PayableView>> {
  const where = {
    status: "SCHEDULED" as const,
    fund: inScope(actor),
    dueOn: opts.due ? { lte: opts.today } : { gt: opts.today },
    ...(opts.fundId ? { fundId: opts.fundId } : {}),
  };
  const window = paginate(await db().payable.count({ where }), opts.perPage ?? PAYABLES_PER_PAGE, opts.page);
  const rows = await db().payable.findMany({
    where,
    include: {
      fund: { select: { organization: { select: { name: true, type: true } } } },
      payeeUser: { select: { displayName: true } },
      payeeOrg: { select: { name: true } },
      reportingOrg: { select: { name: true } },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    skip: window.offset,
    take: window.perPage,
  });
  const refs = await sourceReferences(db(), rows);
  const views = rows.map((p) => ({
    id: p.id,
    version: p.version,
    fundId: p.fundId,
    fundName: p.fund.organization.name,
    fundOrgType: p.fund.organization.type,
    applicationNumber: refs.get(`${p.sourceType}:${p.sourceId}`) ?? `${p.sourceType} #${p.sourceId}`,
    applicationId: p.sourceType === APPLICATION_SOURCE ? p.sourceId : null,
    applicantName: p.payeeUser?.displayName ?? p.payeeOrg?.name ?? "—",
    district: p.reportingOrg?.name ?? "—",
    // schedulePayables keeps a payable's category among its fund kind's categories (PAID_ARTICLES)
    article: p.category as AidArticle,
    kind: p.kind,
    instalmentNo: p.instalmentNo,
    periodStart: isoDate(p.periodStart),
    periodEnd: p.periodEnd ? isoDate(p.periodEnd) : null,
    dueOn: isoDate(p.dueOn),
    amount: p.amount.toFixed(2),
    wageRate: p.rate ? p.rate.toFixed(2) : null,
  }));
  return paged(window, views);
}

export type RequestView = {
  id: number;
  kind: "TOP_UP" | "SUBSIDY";
  status: "PENDING" | "APPROVED" | "REJECTED";
  fundId: number;
  fundName: string;
  grantingFundId: number | null;
  grantingFundName: string | null;
  year: number;
  amount: string;
  reason: string;
  requestedBy: string;
  createdAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
};

/**
 * Top-up and subsidy requests touching the funds the actor may see (as requester
 * or grantor), pending first, newest first, one page at a time.
 * @param opts.page the raw "?page=" value; out of range or malformed → the nearest valid page
 */
export async function fundRequests(actor: Actor, opts: { page?: unknown; perPage?: number } = {}): Promise<Paged<RequestView>> {
  const scope = inScope(actor);
  const where = { OR: [{ fund: scope }, { grantingFund: scope }] };
  const window = paginate(await db().fundRequest.count({ where }), opts.perPage ?? REQUESTS_PER_PAGE, opts.page);
  const rows = await db().fundRequest.findMany({
    where,
    include: { fund: { select: { organization: { select: { name: true } } } }, grantingFund: { select: { organization: { select: { name: true } } } } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    skip: window.offset,
    take: window.perPage,
  });
  const users = new Map(
    (await db().user.findMany({ where: { id: { in: rows.flatMap((r) => [r.requestedById, r.decidedById ?? 0]) } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );
  const views = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    fundId: r.fundId,
    fundName: r.fund.organization.name,
    grantingFundId: r.grantingFundId,
    grantingFundName: r.grantingFund?.organization.name ?? null,
    year: r.year,
    amount: r.amount.toFixed(2),
    reason: r.reason,
    requestedBy: users.get(r.requestedById) ?? `#${r.requestedById}`,
    createdAt: r.createdAt,
    decidedBy: r.decidedById !== null ? (users.get(r.decidedById) ?? `#${r.decidedById}`) : null,
    decidedAt: r.decidedAt,
    decisionNote: r.decisionNote,
  }));
  return paged(window, views);
}

/** The annual appropriations of the policy in force on 1 January of `year` (第十一条: city / district, yuan, 2 decimals). */
export type AppropriationPolicy = { policy: string; city: string; district: string };

/**
 * What the 第十一条 appropriations are in `year`, read from the PolicyVersion in
 * force on 1 January (policy data, never a constant in the UI texts).
 * @returns null when no policy version is in force yet
 */
export async function appropriationPolicy(year: number): Promise<AppropriationPolicy | null> {
  // The same policy the year's appropriation is posted from (the kind's annualInflow, ./kind.ts).
  const policy = await findPolicyInForce(db(), yearStart(year));
  if (!policy) return null;
  return { policy: policy.code, city: policy.cityFundAnnual.toFixed(2), district: policy.districtFundAnnual.toFixed(2) };
}

/** The fund-years `years` of the funds `fundIds` (the payment queue's balances and their previous year). */
export function fundYearsOf(fundIds: number[], years: number[]) {
  return db().fundYear.findMany({ where: { fundId: { in: fundIds }, year: { in: years } } });
}
