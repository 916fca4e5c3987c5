/**
 * Top-up appropriations and subsidies from the upper union (《办法》第十一条):
 * the office records requests and the decisions; a pending request blocks the
 * annual settlement of its year (第十四条).
 */
import { dateFormatter } from "@/lib/i18n/dates";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { can } from "@/lib/authz";
import { scopeResource } from "@/lib/ledger/access";
import { fundRequests, listFunds } from "@/lib/fund/queries";
import { parseYearParam } from "@/lib/fund/params";
import { parseIdParam } from "@/lib/validation";
import { todayInChina, yearOf } from "@/lib/dates";
import { formatYuan, zYuan } from "@/lib/money";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Pager } from "@/components/ui/pager";
import { DecideForm, RequestForm } from "@/app/(portal)/fund/_components/forms";

export async function generateMetadata() {
  const t = await getTranslations("fund");
  return { title: t("requests.title") };
}

export default async function RequestsPage({ searchParams }: { searchParams: Promise<{ fund?: string; year?: string; kind?: string; amount?: string; page?: string }> }) {
  const actor = await guardPage("fund.manage", scopeResource);
  const t = await getTranslations("fund");
  const dates = await dateFormatter();
  const sp = await searchParams;
  const year = parseYearParam(sp.year, yearOf(todayInChina()));
  const funds = await listFunds(actor, year);
  const requestPage = await fundRequests(actor, { page: sp.page });
  const requests = requestPage.rows;
  const kind = sp.kind === "SUBSIDY" ? "SUBSIDY" : sp.kind === "TOP_UP" ? "TOP_UP" : undefined;
  const parsedAmount = zYuan.safeParse(sp.amount);
  const amount = typeof sp.amount === "string" && parsedAmount.success ? sp.amount.trim() : undefined;
  const preset = parseIdParam(sp.fund);

  return (
    <>
      <div className="flex flex-col gap-6">
        <div>
          <h1 className="text-2xl font-bold">{t("requests.title")}</h1>
          <p className="mt-1 text-sm text-muted-foreground">{t("requests.subtitle")}</p>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>{t("requests.newTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <RequestForm
              funds={funds.map((f) => ({ fundId: f.fundId, name: f.orgName, isTop: f.orgType === "CITY_FEDERATION" }))}
              defaults={{ fundId: funds.some((f) => f.fundId === preset) ? preset! : undefined, year, kind, amount }}
            />
          </CardContent>
        </Card>
        <section aria-labelledby="requests-heading" className="flex flex-col gap-3">
          <h2 id="requests-heading" className="text-lg font-semibold">
            {t("requests.listTitle")}
          </h2>
          {requests.length === 0 ? <p className="text-sm text-muted-foreground">{t("requests.empty")}</p> : null}
          <ul className="flex flex-col gap-3">
            {requests.map((r) => {
              const deciderFundId = r.kind === "SUBSIDY" && r.grantingFundId !== null ? r.grantingFundId : r.fundId;
              const decider = funds.find((f) => f.fundId === deciderFundId);
              const mayDecide = decider !== undefined && can(actor, "fund.manage", { type: "fund", id: decider.fundId, orgPath: decider.orgPath });
              return (
                <li key={r.id}>
                  <Card data-testid={`request-${r.id}`}>
                    <CardHeader className="pb-2">
                      <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                        <span>#{r.id}</span>
                        <span>{t(`requests.kinds.${r.kind}`)}</span>
                        <Badge variant={r.status === "PENDING" ? "warning" : r.status === "APPROVED" ? "success" : "secondary"}>{t(`requests.statuses.${r.status}`)}</Badge>
                        <span className="ml-auto tabular-nums">{t("yuan", { amount: formatYuan(r.amount) })}</span>
                      </CardTitle>
                      <CardDescription>
                        {r.fundName} · {t("yearValue", { year: r.year })}
                        {r.grantingFundName ? ` · ${t("requests.grantingFund")}：${r.grantingFundName}` : ""}
                      </CardDescription>
                    </CardHeader>
                    <CardContent className="flex flex-col gap-3 text-sm">
                      <p>
                        <span className="text-muted-foreground">{t("requests.reason")}：</span>
                        {r.reason}
                      </p>
                      <p className="text-muted-foreground">
                        {t("requests.requestedBy")}：{r.requestedBy} · {dates.dateTime(r.createdAt)}
                      </p>
                      {r.status !== "PENDING" ? (
                        <p>
                          <span className="text-muted-foreground">{t("requests.decidedBy")}：</span>
                          {r.decidedBy} {r.decidedAt ? dates.date(r.decidedAt) : ""} — {r.decisionNote}
                        </p>
                      ) : mayDecide ? (
                        <DecideForm requestId={r.id} amount={r.amount} fundName={r.grantingFundName ?? r.fundName} />
                      ) : (
                        <p className="text-muted-foreground">{t("requests.notDecider", { name: r.grantingFundName ?? r.fundName })}</p>
                      )}
                    </CardContent>
                  </Card>
                </li>
              );
            })}
          </ul>
          <Pager page={requestPage.page} pages={requestPage.pages} total={requestPage.total} href={(n) => `/fund/requests?year=${year}&page=${n}`} label={t("requests.listTitle")} testId="requests-pager" />
        </section>
      </div>
    </>
  );
}
