/**
 * One fund's year: balance sheet, ledger (every entry with its application and
 * approver), annual settlement / reopen (《办法》第十四条、第十一条), opening a
 * year (第十三条) and reversals (第十二条) for the office; read-only for 经审会.
 */
import { dateFormatter } from "@/lib/i18n/dates";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { can } from "@/lib/authz";
import { fundResource } from "@/lib/ledger/access";
import { fundYearOf, ledgerEntries, listFunds, rightsFund } from "@/lib/fund/queries";
import { yearReport } from "@/lib/fund/year-report";
import { settlementStatus } from "@/lib/ledger/settlement";
import { ENTRIES_PER_PAGE, parseYearParam } from "@/lib/fund/params";
import { parseIdParam } from "@/lib/validation";
import { paginate } from "@/lib/paging";
import { todayInChina, yearOf } from "@/lib/dates";
import { formatYuan } from "@/lib/money";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Pager } from "@/components/ui/pager";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { YearField } from "@/app/(portal)/fund/_components/year-field";
import { BalanceSheetTable } from "@/app/(portal)/fund/_components/balance-sheet";
import { EntriesTable } from "@/app/(portal)/fund/_components/entries-table";
import { OpenYearForm, ReopenForm, SettleForm } from "@/app/(portal)/fund/_components/forms";
import { PrintButton } from "@/components/ui/print-button";

export async function generateMetadata() {
  const t = await getTranslations("fund");
  return { title: t("links.detail") };
}

export default async function FundYearPage({ params, searchParams }: { params: Promise<{ fundId: string }>; searchParams: Promise<{ year?: string; page?: string }> }) {
  const fundId = parseIdParam((await params).fundId);
  if (fundId === null) notFound();
  const actor = await guardPage("fund.report", () => fundResource(fundId));
  const resource = await fundResource(fundId);
  const t = await getTranslations("fund");
  const dates = await dateFormatter();
  const sp = await searchParams;

  const fund = await rightsFund(fundId);
  if (!fund) notFound();
  const currentYear = yearOf(todayInChina());
  const year = parseYearParam(sp.year, fund.years[0]?.year ?? currentYear);
  const [summary] = await listFunds(actor, year).then((all) => all.filter((f) => f.fundId === fundId));
  if (!summary) notFound();
  const fundYear = await fundYearOf(fundId, year);
  const canManage = can(actor, "fund.manage", resource);
  const canSettle = can(actor, "fund.settle", resource);

  const report = fundYear ? await yearReport([summary], year) : null;
  const total = fundYear?.entryCount ?? 0;
  const { page, pages, offset } = paginate(total, ENTRIES_PER_PAGE, sp.page);
  const fromSeq = offset + 1;
  const entries = fundYear ? await ledgerEntries(fundId, year, { fromSeq, toSeq: fromSeq + ENTRIES_PER_PAGE }) : [];
  const blockers = fundYear && fundYear.status === "OPEN" && canSettle ? await settlementStatus(fundId, year) : [];
  const te = await getTranslations("errors");
  const title = `${fund.organization.name} · ${t("yearValue", { year })}`;

  return (
    <>
      <div className="flex flex-col gap-6">
        <div>
          <Link href={`/fund?year=${year}&fund=${fundId}`} className="text-sm text-primary print:hidden">
            ← {t("links.back")}
          </Link>
          <h1 className="mt-1 text-2xl font-bold">{title}</h1>
          <p className="text-sm text-muted-foreground">
            {fund.name} · {fund.accountSubject}
          </p>
        </div>

        <div className="flex flex-wrap items-end gap-2 print:hidden">
          <form className="flex items-end gap-2" aria-label={t("yearLabel")}>
            <YearField id="fund-year" year={year} currentYear={currentYear} years={fund.years.map((y) => y.year)} />
            <Button type="submit" variant="outline">
              {t("show")}
            </Button>
          </form>
          {fundYear ? (
            <>
              <Button asChild variant="outline">
                <a href={`/api/fund/export?fundId=${fundId}&year=${year}`} download>
                  {t("links.excel")}
                </a>
              </Button>
              <PrintButton />
            </>
          ) : null}
        </div>

        {!fundYear ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("years.openTitle")}</CardTitle>
              <CardDescription>{t("years.notOpened", { year })}</CardDescription>
            </CardHeader>
            {canManage && year <= currentYear ? (
              <CardContent className="flex flex-col gap-3">
                <p className="text-sm">{t("years.openHint")}</p>
                <OpenYearForm fundId={fundId} year={year} />
              </CardContent>
            ) : null}
          </Card>
        ) : null}

        {fundYear && report ? (
          <>
            <dl className="grid gap-3 sm:grid-cols-4">
              <div className="rounded-lg border bg-card p-4">
                <dt className="text-xs text-muted-foreground">{t("status")}</dt>
                <dd data-testid="year-status">
                  <Badge variant={fundYear.status === "SETTLED" ? "secondary" : "success"}>{t(`statuses.${fundYear.status}`)}</Badge>
                </dd>
              </div>
              <div className="rounded-lg border bg-card p-4">
                <dt className="text-xs text-muted-foreground">{t("opening")}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid="year-opening">
                  {t("yuan", { amount: formatYuan(fundYear.openingBalance) })}
                </dd>
              </div>
              <div className="rounded-lg border bg-card p-4">
                <dt className="text-xs text-muted-foreground">{fundYear.status === "SETTLED" ? t("closing") : t("balance")}</dt>
                <dd className="text-lg font-semibold tabular-nums" data-testid="year-balance">
                  {t("yuan", { amount: formatYuan(fundYear.balance) })}
                </dd>
              </div>
              <div className="rounded-lg border bg-card p-4">
                <dt className="text-xs text-muted-foreground">{t("entryCount")}</dt>
                <dd className="text-lg font-semibold tabular-nums">{fundYear.entryCount}</dd>
              </div>
            </dl>

            <section aria-labelledby="sheet-heading">
              <h2 id="sheet-heading" className="mb-2 text-lg font-semibold">
                {t("sheet.heading")}
              </h2>
              <BalanceSheetTable sheet={report.funds[0]!.sheet} caption={t("sheet.caption", { name: fund.organization.name, year })} />
            </section>

            {canSettle ? (
              <Card className="print:hidden">
                <CardHeader>
                  <CardTitle>{t("settlement.title")}</CardTitle>
                  <CardDescription>{t("settlement.hint")}</CardDescription>
                </CardHeader>
                <CardContent className="flex flex-col gap-3">
                  {fundYear.status === "SETTLED" ? (
                    <>
                      <Alert tone="info" data-testid="settled-info">
                        {t("settlement.settledInfo", {
                          year,
                          next: year + 1,
                          date: fundYear.settledAt ? dates.date(fundYear.settledAt) : "",
                          amount: formatYuan(fundYear.closingBalance ?? 0),
                        })}
                      </Alert>
                      <p className="text-sm text-muted-foreground">{t("settlement.reopenHint", { year, next: year + 1 })}</p>
                      <ReopenForm fundId={fundId} year={year} fundName={fund.name} />
                    </>
                  ) : (
                    <>
                      {blockers.length ? (
                        <div data-testid="settlement-blockers">
                          <p className="text-sm font-medium">{t("settlement.blocked", { year })}</p>
                          <ul className="ml-5 list-disc text-sm">
                            {blockers.map((b) => (
                              <li key={b.code}>{te(b.code, b.values)}</li>
                            ))}
                          </ul>
                        </div>
                      ) : (
                        <p className="text-sm">{t("settlement.ready", { year })}</p>
                      )}
                      <SettleForm fundId={fundId} year={year} disabled={blockers.length > 0} fundName={fund.name} />
                    </>
                  )}
                </CardContent>
              </Card>
            ) : null}

            <section aria-labelledby="entries-heading" className="flex flex-col gap-2">
              <h2 id="entries-heading" className="text-lg font-semibold">
                {t("entries.heading")}
              </h2>
              <EntriesTable entries={entries} caption={t("entries.caption", { name: fund.organization.name, year })} canReverse={canManage && fundYear.status === "OPEN"} />
              <Pager
                page={page}
                pages={pages}
                total={total}
                href={(n) => `/fund/${fundId}?year=${year}&page=${n}`}
                label={t("entries.heading")}
                summary={t("entries.page", { from: fromSeq, to: Math.min(total, fromSeq + ENTRIES_PER_PAGE - 1), total })}
              />
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}
