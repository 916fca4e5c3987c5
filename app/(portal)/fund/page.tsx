/**
 * The rights protection fund dashboard (office, leading group, chairperson's
 * meeting, funds review committee): every fund in the actor's scope with its
 * year, and charts of the selected fund — burn over the year, payouts by
 * article and district, months of runway (《办法》第十一条至第十四条).
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { can } from "@/lib/authz";
import { scopeResource } from "@/lib/ledger/access";
import { appropriationPolicy, fundYears, listFunds } from "@/lib/fund/queries";
import { districtTotals, RUNWAY_MONTHS, yearReport } from "@/lib/fund/year-report";
import { parseYearParam } from "@/lib/fund/params";
import { parseIdParam } from "@/lib/validation";
import { todayInChina, yearOf } from "@/lib/dates";
import { formatYuan } from "@/lib/money";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { YearField } from "@/app/(portal)/fund/_components/year-field";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { ArticleChart, BurnChart, DistrictChart } from "@/app/(portal)/fund/_components/charts";

export async function generateMetadata() {
  const t = await getTranslations("fund");
  return { title: t("title") };
}

export default async function FundPage({ searchParams }: { searchParams: Promise<{ year?: string; fund?: string }> }) {
  const actor = await guardPage("fund.view", scopeResource);
  const t = await getTranslations("fund");
  const sp = await searchParams;
  const currentYear = yearOf(todayInChina());
  const years = await fundYears(actor);
  const year = parseYearParam(sp.year, years[0] ?? currentYear);
  const funds = await listFunds(actor, year);
  const all = sp.fund === "all";
  const chosenId = parseIdParam(sp.fund);
  const selected = all ? funds : [funds.find((f) => f.fundId === chosenId) ?? funds.find((f) => f.orgId === actor.organizationId) ?? funds[0]].filter((f) => f !== undefined);
  const report = selected.length ? await yearReport(selected, year) : null;
  const isOffice = can(actor, "fund.pay", scopeResource(actor));
  const subject = all ? t("allFunds") : (selected[0]?.orgName ?? "");
  // 第十一条 amounts come from the policy in force in the shown year (policy data, not a fixed text).
  const appropriation = await appropriationPolicy(year);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{appropriation
            ? t("basis", { year, policy: appropriation.policy, city: formatYuan(appropriation.city), district: formatYuan(appropriation.district) })
            : t("basisNoPolicy", { year })}</p>
      </div>

      <nav aria-label={t("title")} className="flex flex-wrap gap-2">
        {isOffice ? (
          <>
            <Button asChild>
              <Link href="/fund/pay">{t("links.pay")}</Link>
            </Button>
            <Button asChild variant="outline">
              <Link href="/fund/requests">{t("links.requests")}</Link>
            </Button>
          </>
        ) : null}
        <Button asChild variant="outline">
          <Link href={`/fund/reports?year=${year}`}>{t("links.reports")}</Link>
        </Button>
      </nav>

      <form className="flex flex-wrap items-end gap-2 print:hidden" role="search" aria-label={t("yearLabel")}>
        <YearField id="fund-year" year={year} currentYear={currentYear} years={years} />
        <div className="flex flex-col gap-1">
          <label htmlFor="fund-select" className="text-xs font-medium">
            {t("fundLabel")}
          </label>
          <Select id="fund-select" name="fund" defaultValue={all ? "all" : String(selected[0]?.fundId ?? "")} className="w-64 max-w-full">
            {funds.length > 1 ? <option value="all">{t("allFunds")}</option> : null}
            {funds.map((f) => (
              <option key={f.fundId} value={f.fundId}>
                {f.orgName}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="outline">
          {t("show")}
        </Button>
      </form>

      {funds.length === 0 ? <p>{t("dashboard.noFunds")}</p> : null}

      {report ? (
        <section aria-labelledby="dashboard-heading" className="flex flex-col gap-4">
          <div>
            <h2 id="dashboard-heading" className="text-lg font-semibold">
              {t("dashboard.heading")}
            </h2>
            <p className="text-sm text-muted-foreground">{t("dashboard.subject", { name: subject })}</p>
          </div>
          <dl className="grid gap-3 sm:grid-cols-3">
            <div className="rounded-lg border bg-card p-4 shadow-sm sm:p-6">
              <dt className="text-xs text-muted-foreground">{t("balance")}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid="dashboard-balance">
                {t("yuan", { amount: formatYuan(report.total.closing) })}
              </dd>
            </div>
            <div className="rounded-lg border bg-card p-4 shadow-sm sm:p-6">
              <dt className="text-xs text-muted-foreground">{t("dashboard.spent")}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{t("yuan", { amount: formatYuan(report.total.payoutsTotal) })}</dd>
            </div>
            <div className="rounded-lg border bg-card p-4 shadow-sm sm:p-6">
              <dt className="text-xs text-muted-foreground">{t("dashboard.runway")}</dt>
              <dd className="text-2xl font-semibold tabular-nums" data-testid="dashboard-runway">
                {report.runway === null ? t("dashboard.runwayNone") : t("dashboard.runwayValue", { months: report.runway })}
              </dd>
              <dd className="text-xs text-muted-foreground">{t("dashboard.runwayHint", { months: report.runwayBasis || RUNWAY_MONTHS })}</dd>
            </div>
          </dl>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card className="lg:col-span-2">
              <CardContent className="pt-4 sm:pt-6">
                <BurnChart year={year} months={report.months} />
              </CardContent>
            </Card>
            <Card>
              <CardContent className="pt-4 sm:pt-6">
                <ArticleChart rows={report.byArticle} />
              </CardContent>
            </Card>
            <Card>
              <CardContent className="pt-4 sm:pt-6">
                {report.byDistrict.length ? (
                  <DistrictChart rows={districtTotals(report.byDistrict)} />
                ) : (
                  <p className="text-sm text-muted-foreground">{t("dashboard.noData")}</p>
                )}
              </CardContent>
            </Card>
          </div>
        </section>
      ) : null}

      {funds.length ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("reports.sheetsTitle", { year })}</CardTitle>
            <CardDescription>{t("sheet.netOfReversals")}</CardDescription>
          </CardHeader>
          <CardContent>
            <Table label={t("reports.sheetsTitle", { year })}>
              <THead>
                <TR>
                  <TH>{t("fundLabel")}</TH>
                  <TH>{t("status")}</TH>
                  <TH className="text-right!">{t("opening")}</TH>
                  <TH className="text-right!">{t("balance")}</TH>
                  <TH className="text-right!">{t("entryCount")}</TH>
                </TR>
              </THead>
              <TBody>
                {funds.map((f) => (
                  <TR key={f.fundId} data-testid={`fund-row-${f.orgName}`}>
                    <TD>
                      <Link className="text-primary underline-offset-4 hover:underline" href={`/fund/${f.fundId}?year=${year}`}>
                        {f.orgName}
                      </Link>
                    </TD>
                    <TD>
                      <Badge variant={f.status === "SETTLED" ? "secondary" : f.status === "OPEN" ? "success" : "outline"}>{t(`statuses.${f.status ?? "NONE"}`)}</Badge>
                    </TD>
                    <TD className="text-right tabular-nums">{f.openingBalance === null ? t("none") : formatYuan(f.openingBalance)}</TD>
                    <TD className="text-right tabular-nums">{f.balance === null ? t("none") : formatYuan(f.balance)}</TD>
                    <TD className="text-right tabular-nums">{f.entryCount}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
