/**
 * The office's payment queue: approved payables (第十五条、第十六条 one-off,
 * 第十七条 monthly), each with its paying fund's balance and, when the year
 * cannot afford it, the options of 第十一条 (rollover, top-up, subsidy).
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { fundYearsOf } from "@/lib/fund/queries";
import { scopeResource } from "@/lib/ledger/access";
import { scheduledPayables } from "@/lib/fund/queries";
import { shortfall } from "@/lib/ledger/rules/amounts";
import { isoDate, todayInChina, yearOf } from "@/lib/dates";
import { formatYuan, yuan } from "@/lib/money";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Pager } from "@/components/ui/pager";
import { PayForm } from "@/app/(portal)/fund/_components/forms";

export async function generateMetadata() {
  const t = await getTranslations("fund");
  return { title: t("pay.title") };
}

export default async function PayPage({ searchParams }: { searchParams: Promise<{ page?: string; upcoming?: string }> }) {
  const actor = await guardPage("fund.pay", scopeResource);
  const t = await getTranslations("fund");
  const sp = await searchParams;
  const today = todayInChina();
  const year = yearOf(today);
  // Nothing is paid before it is due (a 第十七条 instalment after its month): those wait below.
  // Both lists are paged ("?page=", "?upcoming="), with their full counts.
  const duePage = await scheduledPayables(actor, { due: true, today, page: sp.page });
  const upcomingPage = await scheduledPayables(actor, { due: false, today, page: sp.upcoming });
  const due = duePage.rows;
  const upcoming = upcomingPage.rows;
  const pageHref = (dueN: number, upcomingN: number) => `/fund/pay?page=${dueN}&upcoming=${upcomingN}`;
  const fundIds = [...new Set(due.map((p) => p.fundId))];
  const years = await fundYearsOf(fundIds, [year, year - 1]);
  const yearOfFund = (fundId: number, y: number) => years.find((r) => r.fundId === fundId && r.year === y);

  return (
    <>
      <div className="flex flex-col gap-6">
        <div>
          <h1 className="text-2xl font-bold">{t("pay.title")}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t("pay.subtitle")}</p>
        </div>
        {due.length === 0 ? <p data-testid="pay-empty">{t("pay.empty")}</p> : null}
        <ul className="flex flex-col gap-4" aria-label={t("pay.dueTitle")}>
          {due.map((p) => {
            const current = yearOfFund(p.fundId, year);
            const previous = yearOfFund(p.fundId, year - 1);
            const balance = current ? yuan(current.balance) : null;
            const gap = balance === null ? yuan(p.amount) : shortfall(balance, p.amount);
            const instalment = p.kind === "ONE_OFF" ? t("pay.oneOff") : t("pay.instalmentNo", { no: p.instalmentNo });
            const isCity = p.fundOrgType === "CITY_FEDERATION";
            const requestLink = (kind: "TOP_UP" | "SUBSIDY") => `/fund/requests?fund=${p.fundId}&year=${year}&kind=${kind}&amount=${gap.toFixed(2)}`;
            return (
              <li key={p.id}>
                <Card data-testid={`payable-${p.applicationNumber}-${p.instalmentNo}`}>
                  <CardHeader className="pb-2">
                    <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                      {p.applicationId ? (
                        <Link className="font-mono text-primary underline-offset-4 hover:underline" href={`/applications/${p.applicationId}`} data-testid="payable-application-link">
                          {p.applicationNumber}
                        </Link>
                      ) : (
                        <span className="font-mono">{p.applicationNumber}</span>
                      )}
                      <Badge variant="secondary">{t(`articleShort.${p.article}`)}</Badge>
                      <span>{instalment}</span>
                      <span className="ml-auto tabular-nums">{t("yuan", { amount: formatYuan(p.amount) })}</span>
                    </CardTitle>
                  </CardHeader>
                  <CardContent className="flex flex-col gap-3">
                    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
                      <div>
                        <dt className="inline text-muted-foreground">{t("pay.applicant")}：</dt>
                        <dd className="inline">{p.applicantName}</dd>
                      </div>
                      <div>
                        <dt className="inline text-muted-foreground">{t("pay.district")}：</dt>
                        <dd className="inline">{p.district}</dd>
                      </div>
                      <div>
                        <dt className="inline text-muted-foreground">{t("pay.article")}：</dt>
                        <dd className="inline">{t(`articles.${p.article}`)}</dd>
                      </div>
                      <div>
                        <dt className="inline text-muted-foreground">{t("pay.period")}：</dt>
                        <dd className="inline">{p.periodEnd ? `${p.periodStart} – ${p.periodEnd}` : p.periodStart}</dd>
                      </div>
                      <div>
                        <dt className="inline text-muted-foreground">{t("pay.dueOn")}：</dt>
                        <dd className="inline">{p.dueOn}</dd>
                      </div>
                      <div>
                        <dt className="inline text-muted-foreground">{t("pay.fund")}：</dt>
                        <dd className="inline">
                          {p.fundName}（{balance === null ? t("pay.fundNotOpen", { year }) : t("pay.fundBalance", { year, amount: formatYuan(balance) })}）
                        </dd>
                      </div>
                    </dl>
                    {gap.gt(0) ? (
                      <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="art11-options">
                        <p className="font-medium">{balance === null ? t("pay.fundNotOpen", { year }) : t("pay.insufficient", { shortfall: formatYuan(gap) })}</p>
                        <p className="mt-1">{t("pay.optionsTitle")}</p>
                        <ul className="ml-5 list-disc">
                          <li>
                            {previous?.status === "OPEN" ? (
                              <Link className="underline" href={`/fund/${p.fundId}?year=${year - 1}`}>
                                {t("pay.useRollover")}
                              </Link>
                            ) : (
                              <span>{t("pay.rolloverInBalance", { amount: formatYuan(current?.openingBalance ?? 0) })}</span>
                            )}
                          </li>
                          <li>
                            <Link className="underline" href={requestLink("TOP_UP")}>
                              {t("pay.requestTopUp", { shortfall: formatYuan(gap) })}
                            </Link>
                          </li>
                          {isCity ? null : (
                            <li>
                              <Link className="underline" href={requestLink("SUBSIDY")}>
                                {t("pay.requestSubsidy")}
                              </Link>
                            </li>
                          )}
                        </ul>
                      </div>
                    ) : null}
                    <PayForm
                      payableId={p.id}
                      version={p.version}
                      today={isoDate(today)}
                      label={t("pay.formLabel", { application: p.applicationNumber, instalment })}
                      amount={p.amount}
                      payee={p.applicantName}
                      fundName={p.fundName}
                      applicationNumber={p.applicationNumber}
                    />
                  </CardContent>
                </Card>
              </li>
            );
          })}
        </ul>
        <Pager page={duePage.page} pages={duePage.pages} total={duePage.total} href={(n) => pageHref(n, upcomingPage.page)} label={t("pay.dueTitle")} testId="pay-pager" />
        {upcoming.length ? (
          <div className="flex flex-col gap-2">
            <h2 id="upcoming-heading" className="text-lg font-semibold">
              {t("pay.upcomingTitle", { count: upcomingPage.total })}
            </h2>
            <p className="text-sm text-muted-foreground">{t("pay.upcomingHint")}</p>
            <Table label={t("pay.upcomingTitle", { count: upcomingPage.total })}>
              <THead>
                <TR>
                  <TH>{t("pay.application")}</TH>
                  <TH>{t("pay.article")}</TH>
                  <TH>{t("pay.instalment")}</TH>
                  <TH>{t("pay.period")}</TH>
                  <TH>{t("pay.dueOn")}</TH>
                  <TH className="text-right!">{t("pay.amount")}</TH>
                  <TH>{t("pay.fund")}</TH>
                </TR>
              </THead>
              <TBody>
                {upcoming.map((p) => (
                  <TR key={p.id} data-testid={`upcoming-${p.applicationNumber}-${p.instalmentNo}`}>
                    <TD className="font-mono text-xs">
                      {p.applicationId ? (
                        <Link className="text-primary underline-offset-4 hover:underline" href={`/applications/${p.applicationId}`}>
                          {p.applicationNumber}
                        </Link>
                      ) : (
                        p.applicationNumber
                      )}
                    </TD>
                    <TD>{t(`articleShort.${p.article}`)}</TD>
                    <TD>{p.kind === "ONE_OFF" ? t("pay.oneOff") : t("pay.instalmentNo", { no: p.instalmentNo })}</TD>
                    <TD className="whitespace-nowrap text-xs">{p.periodEnd ? `${p.periodStart} – ${p.periodEnd}` : p.periodStart}</TD>
                    <TD className="whitespace-nowrap">{p.dueOn}</TD>
                    <TD className="text-right tabular-nums">{formatYuan(p.amount)}</TD>
                    <TD>{p.fundName}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pager page={upcomingPage.page} pages={upcomingPage.pages} total={upcomingPage.total} href={(n) => pageHref(duePage.page, n)} label={t("pay.upcomingTitle", { count: upcomingPage.total })} testId="upcoming-pager" />
          </div>
        ) : null}
      </div>
    </>
  );
}
