/**
 * Home-page card for the office, the leading group, the chairperson's meeting
 * and 经审会: this year's balance and payouts of the fund of their own union
 * (《办法》第十一条), and for the office the number of payments due.
 */
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { can, type Actor } from "@/lib/authz";
import { scopeResource } from "@/lib/ledger/access";
import { todayInChina, yearOf } from "@/lib/dates";
import { duePayableCount, listFunds } from "@/lib/fund/queries";
import { yearReport } from "@/lib/fund/year-report";
import { formatYuan } from "@/lib/money";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export async function FundHomeWidget({ actor }: { actor: Actor }) {
  if (!can(actor, "fund.view", scopeResource(actor))) return null;
  const today = todayInChina();
  const year = yearOf(today);
  const funds = await listFunds(actor, year);
  const own = funds.find((f) => f.orgId === actor.organizationId) ?? funds[0];
  if (!own) return null;
  const t = await getTranslations("fund");
  const report = await yearReport([own], year);
  const mayPay = can(actor, "fund.pay", scopeResource(actor));
  const due = mayPay ? await duePayableCount(actor, today) : null;
  return (
    <Card data-testid="fund-home-widget">
      <CardHeader>
        <CardTitle>{t("home.title", { year })}</CardTitle>
        <p className="text-sm text-muted-foreground">{own.orgName}</p>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        <dl className="grid gap-3 sm:grid-cols-3">
          <div>
            <dt className="text-xs text-muted-foreground">{t("home.balance")}</dt>
            <dd className="text-xl font-semibold tabular-nums">{own.balance === null ? t("statuses.NONE") : t("yuan", { amount: formatYuan(own.balance) })}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t("home.spent")}</dt>
            <dd className="text-xl font-semibold tabular-nums">{t("yuan", { amount: formatYuan(report.total.payoutsTotal) })}</dd>
          </div>
          {due !== null ? (
            <div>
              <dt className="text-xs text-muted-foreground">{t("home.due")}</dt>
              <dd className="text-xl font-semibold tabular-nums">
                <Link href="/fund/pay" className="text-primary underline-offset-4 hover:underline">
                  {t("home.dueCount", { count: due })}
                </Link>
              </dd>
            </div>
          ) : null}
        </dl>
        <Link href="/fund" className="text-sm text-primary underline-offset-4 hover:underline">
          {t("home.open")}
        </Link>
      </CardContent>
    </Card>
  );
}
