/**
 * The year report of the rights protection fund — for the funds review
 * committee 经审会 (第十二条 监督检查), the dashboard and the annual report to
 * the chairperson's office meeting (第十四条 办公室每年向市总主席办公会议汇报一次):
 * balance sheet per fund and combined, payouts per article and per district,
 * the monthly burn and months of runway.
 *
 * Aggregates come from the report totals (LedgerTotal, maintained with every
 * posting and checked by ledger:verify) — a few hundred rows per year instead
 * of every entry. Money stays decimal (numeric → text → decimal.js) and leaves
 * this module as 2-decimal strings.
 */
import { db } from "@/lib/db";
import type { AidArticle, LedgerKind } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import { Decimal, ZERO, yuan } from "@/lib/money";
import { balanceSheet, sheetView, type KindTotal, type SheetView } from "@/lib/ledger/rules/sheet";
import { monthSeries, runwayMonths } from "@/lib/ledger/rules/burn";
import { todayInChina, yearOf } from "@/lib/dates";
import { PAID_ARTICLES } from "./kind";
import type { FundSummary } from "./queries";

/** Months of payouts the runway is averaged over. */
export const RUNWAY_MONTHS = 6;

/** A balance sheet of the rights protection fund (payouts per article 15–17), money as 2-decimal strings. */
export type FundSheet = SheetView<AidArticle>;

type TotalRow = { fundId: number; kind: LedgerKind; category: string | null; reversal: boolean; amount: string; count: number };

/**
 * Σ per (fund, kind, category), reversals attributed to the kind/category they
 * reverse — from the report totals (LedgerTotal), not from every entry.
 */
async function kindTotals(fundIds: readonly number[], year: number): Promise<TotalRow[]> {
  if (fundIds.length === 0) return [];
  return db().$queryRaw<TotalRow[]>`
    SELECT t."fundId", t.kind::text AS kind, NULLIF(t.category, '') AS category, t.reversal,
           SUM(t.amount)::text AS amount, SUM(t.count)::int AS count
    FROM "LedgerTotal" t
    WHERE t.year = ${year} AND t."fundId" IN (${Prisma.join(fundIds)})
    GROUP BY t."fundId", t.kind, t.category, t.reversal`;
}

export type ArticleRow = { article: AidArticle; payments: number; amount: string };
export type DistrictRow = { orgId: number; orgName: string; article: AidArticle; payments: number; amount: string };

type DistrictSql = { reportingOrgId: number; category: AidArticle; payments: number; amount: string };

/**
 * Net payouts (paid − reversed, yuan) per district/industrial union (the
 * reporting organisation) and article (the category); payments = payouts −
 * reversed payouts.
 */
async function payoutsByDistrict(fundIds: readonly number[], year: number): Promise<DistrictRow[]> {
  if (fundIds.length === 0) return [];
  const rows = await db().$queryRaw<DistrictSql[]>`
    SELECT t."reportingOrgId", t.category,
           (COALESCE(SUM(t.count) FILTER (WHERE NOT t.reversal), 0) - COALESCE(SUM(t.count) FILTER (WHERE t.reversal), 0))::int AS payments,
           (-SUM(t.amount))::text AS amount
    FROM "LedgerTotal" t
    WHERE t.year = ${year} AND t."fundId" IN (${Prisma.join(fundIds)}) AND t.kind = 'DISBURSEMENT' AND t.category <> ''
    GROUP BY t."reportingOrgId", t.category`;
  const orgIds = [...new Set(rows.map((r) => r.reportingOrgId))];
  const orgs = new Map((await db().organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } })).map((o) => [o.id, o.name]));
  return rows
    .filter((r) => r.payments !== 0 || !yuan(r.amount).isZero())
    .map((r) => ({ orgId: r.reportingOrgId, orgName: orgs.get(r.reportingOrgId) ?? "—", article: r.category, payments: r.payments, amount: yuan(r.amount).toFixed(2) }))
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
  funds: (FundSummary & { sheet: FundSheet })[];
  /** all funds of the report together */
  total: FundSheet;
  byArticle: ArticleRow[];
  byDistrict: DistrictRow[];
  months: MonthView[];
  /** balance ÷ average monthly payout of the last RUNWAY_MONTHS months of the year so far; null = no burn */
  runway: string | null;
  /** the months the runway averaged */
  runwayBasis: number;
};

/**
 * The year report of `funds` (one fund, or every fund in the actor's scope):
 * balance sheet per fund and combined, payouts per article and per district,
 * monthly burn and months of runway.
 */
export async function yearReport(funds: readonly FundSummary[], year: number, now: Date = new Date()): Promise<YearReport> {
  const fundIds = funds.map((f) => f.fundId);
  const [totals, byDistrict, months] = await Promise.all([kindTotals(fundIds, year), payoutsByDistrict(fundIds, year), monthlyPayouts(fundIds, year)]);
  const perFund = new Map<number, KindTotal[]>();
  for (const t of totals) {
    const list = perFund.get(t.fundId) ?? [];
    list.push(t);
    perFund.set(t.fundId, list);
  }
  const total = balanceSheet(totals, PAID_ARTICLES);
  const today = todayInChina(now);
  const lastMonth = yearOf(today) === year ? today.getUTCMonth() + 1 : yearOf(today) > year ? 12 : 0;
  const window = months.filter((m) => m.month <= lastMonth && m.month > lastMonth - RUNWAY_MONTHS);
  const runway = runwayMonths(total.closing, window.map((m) => m.payouts));
  return {
    year,
    funds: funds.map((f) => ({ ...f, sheet: sheetView(balanceSheet(perFund.get(f.fundId) ?? [], PAID_ARTICLES)) })),
    total: sheetView(total),
    byArticle: byArticle(byDistrict),
    byDistrict,
    months,
    runway: runway === null ? null : runway.toFixed(1),
    runwayBasis: window.length,
  };
}
