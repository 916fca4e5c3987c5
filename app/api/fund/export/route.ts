/**
 * Excel downloads of the fund reports (read-only, 经审会 and the office):
 *   GET /api/fund/export?year=2026&fundId=3  → one fund-year (收支表, 明细账, 按条款, 按区, 月度支出)
 *   GET /api/fund/export?year=2026           → every fund in the actor's scope (年度汇总 …, 第十四条)
 */
import { dateFormatter } from "@/lib/i18n/dates";
import { getTranslations } from "next-intl/server";
import { defineRoute } from "@/lib/server/action";
import { NotFoundError } from "@/lib/errors";
import { fundResource, scopeResource } from "@/lib/ledger/access";
import { attachment, fundYearWorkbook, yearSummaryWorkbook } from "@/lib/fund/excel";
import { parseYearParam } from "@/lib/fund/params";
import { parseIdParam } from "@/lib/validation";
import { fundYearOf, ledgerEntries, listFunds, rightsFund } from "@/lib/fund/queries";
import { yearReport } from "@/lib/fund/year-report";
import { todayInChina, yearOf } from "@/lib/dates";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function query(request: Request) {
  const url = new URL(request.url);
  return { fundId: parseIdParam(url.searchParams.get("fundId") ?? undefined), year: parseYearParam(url.searchParams.get("year") ?? undefined, yearOf(todayInChina())) };
}

export const GET = defineRoute({
  permission: "fund.report",
  resource: ({ request, actor }) => {
    const { fundId } = query(request);
    return fundId === null ? scopeResource(actor) : fundResource(fundId);
  },
  run: async ({ request, actor }) => {
    const { fundId, year } = query(request);
    const t = await getTranslations("fund");
    const dates = await dateFormatter();
    const exportedAt = dates.dateTime(new Date());
    const translate = (key: string, values?: Record<string, string | number>) => t(key as "title", values);
    if (fundId === null) {
      const funds = await listFunds(actor, year);
      const body = await yearSummaryWorkbook(translate, { year, report: await yearReport(funds, year), exportedAt });
      return new Response(new Uint8Array(body), {
        headers: { "content-type": XLSX, "content-disposition": attachment(`权益保障基金_${year}年度汇总.xlsx`, `fund-summary-${year}.xlsx`), "cache-control": "no-store" },
      });
    }
    const fund = await rightsFund(fundId);
    const fundYear = await fundYearOf(fundId, year);
    if (!fund || !fundYear) throw new NotFoundError();
    const summary = (await listFunds(actor, year)).filter((f) => f.fundId === fundId);
    const [report, entries] = await Promise.all([yearReport(summary, year), ledgerEntries(fundId, year)]);
    const body = await fundYearWorkbook(translate, { name: fund.organization.name, year, report, entries, exportedAt });
    return new Response(new Uint8Array(body), {
      headers: {
        "content-type": XLSX,
        "content-disposition": attachment(`权益保障基金_${fund.organization.name}_${year}年度.xlsx`, `fund-${fundId}-${year}.xlsx`),
        "cache-control": "no-store",
      },
    });
  },
});
