/**
 * Read-only reports of the rights protection fund for the funds review
 * committee 经审会 (第十二条 监督检查) and the annual report to the
 * chairperson's office meeting (第十四条 办公室每年向市总主席办公会议汇报一次).
 *
 * Aggregates come from the report totals (LedgerTotal, maintained with every
 * posting and checked by ledger:verify) — a few hundred rows per year instead
 * of every entry; the ledger itself is read only for the entry list. Money
 * stays decimal (numeric → text → decimal.js) and leaves this module as
 * 2-decimal strings.
 */
import { db } from "@/lib/db";
import type { AidArticle, FundYearStatus, LedgerKind, OrgType } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { Decimal, ZERO, yuan } from "@/lib/money";
import { balanceSheet, monthSeries, PAID_ARTICLES, runwayMonths, type BalanceSheet, type KindTotal } from "./rules";
import { todayInChina, yearOf, yearStart } from "@/lib/dates";
import { parsePageParam } from "@/lib/validation";
import { findPolicyInForce } from "@/lib/policy/service";

/** Months of payouts the runway is averaged over. */
export const RUNWAY_MONTHS = 6;

/** A balance sheet with money as 2-decimal strings (serialisable to client components and Excel). */
export type SheetView = {
  opening: string;
  appropriation: string;
  topUps: string;
  subsidiesReceived: string;
  subsidiesGranted: string;
  payouts: Record<AidArticle, string>;
  payoutsTotal: string;
  reversals: string;
  reversalCount: number;
  inflow: string;
  outflow: string;
  closing: string;
  entryCount: number;
};

/** A balance sheet as 2-decimal strings. */
export function sheetView(s: BalanceSheet): SheetView {
  return {
    opening: s.opening.toFixed(2),
    appropriation: s.appropriation.toFixed(2),
    topUps: s.topUps.toFixed(2),
    subsidiesReceived: s.subsidiesReceived.toFixed(2),
    subsidiesGranted: s.subsidiesGranted.toFixed(2),
    payouts: { ART15: s.payouts.ART15.toFixed(2), ART16: s.payouts.ART16.toFixed(2), ART17: s.payouts.ART17.toFixed(2) },
    payoutsTotal: s.payoutsTotal.toFixed(2),
    reversals: s.reversals.toFixed(2),
    reversalCount: s.reversalCount,
    inflow: s.inflow.toFixed(2),
    outflow: s.outflow.toFixed(2),
    closing: s.closing.toFixed(2),
    entryCount: s.entryCount,
  };
}

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

/** Funds under `orgPath` (an actor's scope) with their state in `year`, city first. */
export async function listFunds(orgPath: string, year: number): Promise<FundSummary[]> {
  const funds = await db().fund.findMany({
    where: { organization: { path: { startsWith: orgPath } } },
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

/** Years any fund under `orgPath` has opened, newest first. */
export async function fundYears(orgPath: string): Promise<number[]> {
  const rows = await db().fundYear.findMany({
    where: { fund: { organization: { path: { startsWith: orgPath } } } },
    distinct: ["year"],
    select: { year: true },
    orderBy: { year: "desc" },
  });
  return rows.map((r) => r.year);
}

type TotalRow = { fundId: number; kind: LedgerKind; article: AidArticle | null; reversal: boolean; amount: string; count: number };

/**
 * Σ per (fund, kind, article), reversals attributed to the kind/article they
 * reverse — from the report totals (LedgerTotal), not from every entry.
 */
async function kindTotals(fundIds: readonly number[], year: number): Promise<TotalRow[]> {
  if (fundIds.length === 0) return [];
  return db().$queryRaw<TotalRow[]>`
    SELECT t."fundId", t.kind::text AS kind, NULLIF(t.article, '') AS article, t.reversal,
           SUM(t.amount)::text AS amount, SUM(t.count)::int AS count
    FROM "LedgerTotal" t
    WHERE t.year = ${year} AND t."fundId" IN (${Prisma.join(fundIds)})
    GROUP BY t."fundId", t.kind, t.article, t.reversal`;
}

export type ArticleRow = { article: AidArticle; payments: number; amount: string };
export type DistrictRow = { orgId: number; orgName: string; article: AidArticle; payments: number; amount: string };

type DistrictSql = { districtOrgId: number; article: AidArticle; payments: number; amount: string };

/**
 * Net payouts (paid − reversed, yuan) per district/industrial union and
 * article; payments = payouts − reversed payouts.
 */
async function payoutsByDistrict(fundIds: readonly number[], year: number): Promise<DistrictRow[]> {
  if (fundIds.length === 0) return [];
  const rows = await db().$queryRaw<DistrictSql[]>`
    SELECT t."districtOrgId", t.article,
           (COALESCE(SUM(t.count) FILTER (WHERE NOT t.reversal), 0) - COALESCE(SUM(t.count) FILTER (WHERE t.reversal), 0))::int AS payments,
           (-SUM(t.amount))::text AS amount
    FROM "LedgerTotal" t
    WHERE t.year = ${year} AND t."fundId" IN (${Prisma.join(fundIds)}) AND t.kind = 'DISBURSEMENT' AND t.article <> ''
    GROUP BY t."districtOrgId", t.article`;
  const orgIds = [...new Set(rows.map((r) => r.districtOrgId))];
  const orgs = new Map((await db().organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  return rows
    .filter((r) => r.payments !== 0 || !yuan(r.amount).isZero())
    .map((r) => ({ orgId: r.districtOrgId, orgName: orgs.get(r.districtOrgId) ?? "—", article: r.article, payments: r.payments, amount: yuan(r.amount).toFixed(2) }))
    .sort((a, b) => a.orgName.localeCompare(b.orgName, "zh-CN") || a.article.localeCompare(b.article));
}

/** Per article (art. 15–17): net amount and payments. */
function byArticle(rows: readonly DistrictRow[]): ArticleRow[] {
  const out = new Map<AidArticle, { payments: number; amount: Decimal }>();
  for (const a of PAID_ARTICLES) out.set(a, { payments: 0, amount: ZERO });
  for (const r of rows) {
    const t = out.get(r.article)!;
    t.payments += r.payments;
    t.amount = t.amount.plus(yuan(r.amount));
  }
  return [...out.entries()].map(([article, t]) => ({ article, payments: t.payments, amount: t.amount.toFixed(2) }));
}

/** Net payouts per district over all articles (yuan strings), largest first. */
export function districtTotals(rows: readonly DistrictRow[]): { name: string; amount: string }[] {
  const sums = new Map<string, Decimal>();
  for (const r of rows) sums.set(r.orgName, (sums.get(r.orgName) ?? ZERO).plus(yuan(r.amount)));
  return [...sums.entries()].sort((a, b) => b[1].comparedTo(a[1])).map(([name, amount]) => ({ name, amount: amount.toFixed(2) }));
}

export type MonthView = { month: number; payouts: string; cumulative: string };

/** Net payouts per month of `year` (the fund burn), 12 points. */
async function monthlyPayouts(fundIds: readonly number[], year: number): Promise<MonthView[]> {
  const rows = fundIds.length
    ? await db().$queryRaw<{ month: number; payouts: string }[]>`
        SELECT t.month, (-SUM(t.amount))::text AS payouts
        FROM "LedgerTotal" t
        WHERE t.year = ${year} AND t."fundId" IN (${Prisma.join(fundIds)}) AND t.kind = 'DISBURSEMENT'
        GROUP BY t.month`
    : [];
  return monthSeries(rows).map((m) => ({ month: m.month, payouts: m.payouts.toFixed(2), cumulative: m.cumulative.toFixed(2) }));
}

export type YearReport = {
  year: number;
  funds: (FundSummary & { sheet: SheetView })[];
  /** all funds of the report together */
  total: SheetView;
  byArticle: ArticleRow[];
  byDistrict: DistrictRow[];
  months: MonthView[];
  /** balance ÷ average monthly payout of the last RUNWAY_MONTHS months of the year so far; null = no burn */
  runway: string | null;
  /** the months the runway averaged */
  runwayBasis: number;
};

/**
 * The year report of funds `fundIds` (one fund, or every fund in the actor's
 * scope): balance sheet per fund and combined, payouts per article and per
 * district, monthly burn and months of runway.
 */
export async function yearReport(funds: readonly FundSummary[], year: number, now: Date = new Date()): Promise<YearReport> {
  const fundIds = funds.map((f) => f.fundId);
  const [totals, byDistrict, months] = await Promise.all([kindTotals(fundIds, year), payoutsByDistrict(fundIds, year), monthlyPayouts(fundIds, year)]);
  const perFund = new Map<number, KindTotal[]>();
  for (const t of totals) {
    const list = perFund.get(t.fundId) ?? [];
    list.push({ kind: t.kind, article: t.article, amount: t.amount, count: t.count, reversal: t.reversal });
    perFund.set(t.fundId, list);
  }
  const total = balanceSheet(totals.map((t) => ({ kind: t.kind, article: t.article, amount: t.amount, count: t.count, reversal: t.reversal })));
  const today = todayInChina(now);
  const lastMonth = yearOf(today) === year ? today.getUTCMonth() + 1 : yearOf(today) > year ? 12 : 0;
  const window = months.filter((m) => m.month <= lastMonth && m.month > lastMonth - RUNWAY_MONTHS);
  const runway = runwayMonths(total.closing, window.map((m) => m.payouts));
  return {
    year,
    funds: funds.map((f) => ({ ...f, sheet: sheetView(balanceSheet(perFund.get(f.fundId) ?? [])) })),
    total: sheetView(total),
    byArticle: byArticle(byDistrict),
    byDistrict,
    months,
    runway: runway === null ? null : runway.toFixed(1),
    runwayBasis: window.length,
  };
}

export type EntryView = {
  id: string;
  seq: number;
  entryDate: string;
  kind: LedgerKind;
  amount: string;
  balanceAfter: string;
  article: AidArticle | null;
  applicationNumber: string | null;
  applicationId: number | null;
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
  const [apps, users, orgs, counterparts, reversedBy, reverses] = await Promise.all([
    db().application.findMany({ where: { id: { in: ids((e) => e.applicationId) } }, select: { id: true, number: true } }),
    db().user.findMany({ where: { id: { in: [...ids((e) => e.createdById), ...ids((e) => e.approvedById)] } }, select: { id: true, displayName: true } }),
    db().organization.findMany({ where: { id: { in: ids((e) => e.districtOrgId) } }, select: { id: true, name: true } }),
    db().fund.findMany({ where: { id: { in: ids((e) => e.counterpartFundId) } }, select: { id: true, organization: { select: { name: true } } } }),
    db().ledgerEntry.findMany({ where: { reversesEntryId: { in: entryIds } }, select: { reversesEntryId: true, seq: true } }),
    db().ledgerEntry.findMany({ where: { id: { in: reversedIds } }, select: { id: true, seq: true } }),
  ]);
  const appNo = new Map(apps.map((a) => [a.id, a.number]));
  const userName = new Map(users.map((u) => [u.id, u.displayName]));
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const fundName = new Map(counterparts.map((f) => [f.id, f.organization.name]));
  const reversedSeq = new Map(reversedBy.map((r) => [String(r.reversesEntryId), r.seq]));
  const reversesSeq = new Map(reverses.map((r) => [String(r.id), r.seq]));
  return entries.map((e) => ({
    id: e.id.toString(),
    seq: e.seq,
    entryDate: e.entryDate.toISOString().slice(0, 10),
    kind: e.kind,
    amount: e.amount.toFixed(2),
    balanceAfter: e.balanceAfter.toFixed(2),
    article: e.article,
    applicationNumber: e.applicationId !== null ? (appNo.get(e.applicationId) ?? null) : null,
    applicationId: e.applicationId,
    district: e.districtOrgId !== null ? (orgName.get(e.districtOrgId) ?? null) : null,
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
  applicationNumber: string;
  applicantName: string;
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

/** One page of a list, with the size of the whole list: lists are paged, never silently cut off. */
export type Paged<T> = { rows: T[]; total: number; page: number; pages: number };

/** Payables per page of the payment queue (due and upcoming lists each). */
export const PAYABLES_PER_PAGE = 50;
/** Requests per page of the requests list. */
export const REQUESTS_PER_PAGE = 50;

/**
 * SCHEDULED payables of the funds under `orgPath`, earliest due first (the
 * office's payment queue), one page at a time: `due` lists those due on or
 * before `today` (payable now), otherwise those not yet due.
 * @param opts.page the raw "?page=" value; out of range or malformed → the nearest valid page
 */
export async function scheduledPayables(
  orgPath: string,
  opts: { due: boolean; today: Date; page?: unknown; perPage?: number; fundId?: number },
): Promise<Paged<PayableView>> {
  const perPage = opts.perPage ?? PAYABLES_PER_PAGE;
  const where = {
    status: "SCHEDULED" as const,
    fund: { organization: { path: { startsWith: orgPath } } },
    dueOn: opts.due ? { lte: opts.today } : { gt: opts.today },
    ...(opts.fundId ? { fundId: opts.fundId } : {}),
  };
  const total = await db().payable.count({ where });
  const page = parsePageParam(opts.page, total, perPage);
  const rows = await db().payable.findMany({
    where,
    include: {
      fund: { select: { organization: { select: { name: true, type: true } } } },
      application: { select: { number: true, applicant: { select: { displayName: true } }, reportingOrg: { select: { name: true } } } },
    },
    orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    skip: (page - 1) * perPage,
    take: perPage,
  });
  const views = rows.map((p) => ({
    id: p.id,
    version: p.version,
    fundId: p.fundId,
    fundName: p.fund.organization.name,
    fundOrgType: p.fund.organization.type,
    applicationNumber: p.application.number,
    applicantName: p.application.applicant.displayName,
    district: p.application.reportingOrg.name,
    article: p.article,
    kind: p.kind,
    instalmentNo: p.instalmentNo,
    periodStart: p.periodStart.toISOString().slice(0, 10),
    periodEnd: p.periodEnd ? p.periodEnd.toISOString().slice(0, 10) : null,
    dueOn: p.dueOn.toISOString().slice(0, 10),
    amount: p.amount.toFixed(2),
    wageRate: p.wageRate ? p.wageRate.toFixed(2) : null,
  }));
  return { rows: views, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
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
 * Top-up and subsidy requests touching the funds under `orgPath` (as requester
 * or grantor), pending first, newest first, one page at a time.
 * @param opts.page the raw "?page=" value; out of range or malformed → the nearest valid page
 */
export async function fundRequests(orgPath: string, opts: { page?: unknown; perPage?: number } = {}): Promise<Paged<RequestView>> {
  const perPage = opts.perPage ?? REQUESTS_PER_PAGE;
  const inScope = { organization: { path: { startsWith: orgPath } } };
  const where = { OR: [{ fund: inScope }, { grantingFund: inScope }] };
  const total = await db().fundRequest.count({ where });
  const page = parsePageParam(opts.page, total, perPage);
  const rows = await db().fundRequest.findMany({
    where,
    include: { fund: { select: { organization: { select: { name: true } } } }, grantingFund: { select: { organization: { select: { name: true } } } } },
    orderBy: [{ status: "asc" }, { createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * perPage,
    take: perPage,
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
  return { rows: views, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** The annual appropriations of the policy in force on 1 January of `year` (第十一条: city / district, yuan, 2 decimals). */
export type AppropriationPolicy = { policy: string; city: string; district: string };

/**
 * What the 第十一条 appropriations are in `year`, read from the PolicyVersion in
 * force on 1 January (policy data, never a constant in the UI texts).
 * @returns null when no policy version is in force yet
 */
export async function appropriationPolicy(year: number): Promise<AppropriationPolicy | null> {
  // The same policy the year's appropriation is posted from (ensureYearOpened).
  const policy = await findPolicyInForce(db(), yearStart(year));
  if (!policy) return null;
  return { policy: policy.code, city: policy.cityFundAnnual.toFixed(2), district: policy.districtFundAnnual.toFixed(2) };
}
