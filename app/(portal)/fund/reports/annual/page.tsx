/**
 * The annual report to the chairperson's office meeting (《办法》第十四条:
 * 办公室每年向市总主席办公会议汇报一次工会干部权益保障情况，并接受检查和审计),
 * printable on A4.
 */
import { dateFormatter } from "@/lib/i18n/dates";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { scopeResource } from "@/lib/ledger/access";
import { fundYears, listFunds } from "@/lib/fund/queries";
import { yearReport } from "@/lib/fund/year-report";
import { parseYearParam } from "@/lib/fund/params";
import { todayInChina, yearOf } from "@/lib/dates";
import { formatYuan } from "@/lib/money";
import { Button } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { ArticleTable, DistrictTable, FundSheetsTable } from "@/app/(portal)/fund/_components/report-tables";

export async function generateMetadata() {
  const t = await getTranslations("fund");
  return { title: t("links.annual") };
}

export default async function AnnualReportPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await guardPage("fund.report", scopeResource);
  const t = await getTranslations("fund");
  const dates = await dateFormatter();
  const years = await fundYears(actor);
  const year = parseYearParam((await searchParams).year, years[0] ?? yearOf(todayInChina()));
  const funds = await listFunds(actor, year);
  const report = await yearReport(funds, year);
  const s = report.total;
  const opened = report.funds.filter((f) => f.status !== null);
  const payments = report.byArticle.reduce((n, a) => n + a.payments, 0);

  return (
    <article className="mx-auto flex max-w-4xl flex-col gap-5 bg-white p-4 sm:p-8 print:max-w-none print:p-0">
      <header className="text-center">
        <h1 className="text-xl font-bold sm:text-2xl">{t("annual.title", { year })}</h1>
        <p className="mt-2 text-sm">{t("annual.to")}</p>
        <p className="text-sm text-muted-foreground">
          {t("annual.from")} · {t("annual.generated", { date: dates.date(new Date()) })}
        </p>
      </header>
      <div className="flex justify-end gap-2 print:hidden">
        <Button asChild variant="outline">
          <a href={`/api/fund/export?year=${year}`} download>
            {t("reports.excelYear", { year })}
          </a>
        </Button>
        <PrintButton />
      </div>
      <section aria-labelledby="annual-s1">
        <h2 id="annual-s1" className="mb-2 text-lg font-semibold">
          {t("annual.s1")}
        </h2>
        <p className="leading-7" data-testid="annual-summary">
          {t("annual.s1Text", {
            year,
            count: opened.length,
            opening: formatYuan(s.opening),
            appropriation: formatYuan(s.appropriation),
            topUps: formatYuan(s.topUps),
            subsidiesReceived: formatYuan(s.subsidiesReceived),
            payouts: formatYuan(s.payoutsTotal),
            subsidiesGranted: formatYuan(s.subsidiesGranted),
            closing: formatYuan(s.closing),
          })}
        </p>
      </section>
      <section aria-labelledby="annual-s2" className="break-inside-avoid">
        <h2 id="annual-s2" className="mb-2 text-lg font-semibold">
          {t("annual.s2")}
        </h2>
        <FundSheetsTable report={{ ...report, funds: opened }} />
      </section>
      <section aria-labelledby="annual-s3" className="break-inside-avoid">
        <h2 id="annual-s3" className="mb-2 text-lg font-semibold">
          {t("annual.s3")}
        </h2>
        <p className="mb-2">{t("annual.s3Text", { payments })}</p>
        <ArticleTable report={report} />
        <div className="mt-3">
          <DistrictTable report={report} />
        </div>
      </section>
      <section aria-labelledby="annual-s4">
        <h2 id="annual-s4" className="mb-2 text-lg font-semibold">
          {t("annual.s4")}
        </h2>
        <p>
          {t("annual.s4Settled", { count: opened.filter((f) => f.status === "SETTLED").length })} · {t("annual.s4Open", { count: opened.filter((f) => f.status === "OPEN").length })}
        </p>
      </section>
      <section aria-labelledby="annual-s5">
        <h2 id="annual-s5" className="mb-2 text-lg font-semibold">
          {t("annual.s5")}
        </h2>
        <p className="leading-7">{t("annual.s5Text")}</p>
      </section>
    </article>
  );
}
