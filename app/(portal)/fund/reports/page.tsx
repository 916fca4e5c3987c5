/**
 * Reports for the funds review committee 经审会 (《办法》第十二条 监督检查,
 * read-only): balance sheet of every fund in scope, payouts by article and by
 * district, links to each fund's ledger, Excel exports, printable.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { scopeResource } from "@/lib/ledger/access";
import { fundYears, listFunds } from "@/lib/fund/queries";
import { yearReport } from "@/lib/fund/year-report";
import { parseYearParam } from "@/lib/fund/params";
import { todayInChina, yearOf } from "@/lib/dates";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { YearField } from "@/app/(portal)/fund/_components/year-field";
import { PrintButton } from "@/components/ui/print-button";
import { ArticleTable, DistrictTable, FundSheetsTable } from "@/app/(portal)/fund/_components/report-tables";

export async function generateMetadata() {
  const t = await getTranslations("fund");
  return { title: t("reports.title") };
}

export default async function ReportsPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  const actor = await guardPage("fund.report", scopeResource);
  const t = await getTranslations("fund");
  const currentYear = yearOf(todayInChina());
  const years = await fundYears(actor);
  const year = parseYearParam((await searchParams).year, years[0] ?? currentYear);
  const funds = await listFunds(actor, year);
  const report = await yearReport(funds, year);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">
          {t("reports.title")} · {t("yearValue", { year })}
        </h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("reports.subtitle")}</p>
      </div>
      <div className="flex flex-wrap items-end gap-2 print:hidden">
        <form className="flex items-end gap-2" aria-label={t("yearLabel")}>
          <YearField id="report-year" year={year} currentYear={currentYear} years={years} />
          <Button type="submit" variant="outline">
            {t("show")}
          </Button>
        </form>
        <Button asChild variant="outline">
          <a href={`/api/fund/export?year=${year}`} download>
            {t("reports.excelYear", { year })}
          </a>
        </Button>
        <Button asChild variant="outline">
          <Link href={`/fund/reports/annual?year=${year}`}>{t("links.annual")}</Link>
        </Button>
        <PrintButton />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("reports.sheetsTitle", { year })}</CardTitle>
        </CardHeader>
        <CardContent>
          <FundSheetsTable report={report} linkYear />
        </CardContent>
      </Card>
      <Card className="break-inside-avoid">
        <CardHeader>
          <CardTitle>{t("reports.articleTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ArticleTable report={report} />
        </CardContent>
      </Card>
      <Card className="break-inside-avoid">
        <CardHeader>
          <CardTitle>{t("reports.districtTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <DistrictTable report={report} />
        </CardContent>
      </Card>
    </div>
  );
}
