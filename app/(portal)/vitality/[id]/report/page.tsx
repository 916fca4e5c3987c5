/**
 * The 双述 report (《实施方案》四.2 "工会主席要代表工会委员会向会员（代表）大会述职、向上级组织述职"): the chairperson's
 * written report — "3+x" results, union funds collected / managed / used, own performance of duties — with its two
 * receipts (the members' congress; the same-level party organisation and upper union). Prints on A4.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { isoDate } from "@/lib/dates";
import { formatYuan } from "@/lib/money";
import { guardPage } from "@/lib/server/action";
import { PrintButton } from "@/components/ui/print-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { dualReportOf, enrolmentDetail, enrolmentResource } from "@/lib/vitality/queries";
import { DualReportForm, ReceiptForm } from "../../_components/plan-forms";

export const dynamic = "force-dynamic";

export default async function DualReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  const actor = await guardPage("vitality.view", () => enrolmentResource(id));
  const t = await getTranslations("vitality");
  const e = await enrolmentDetail(id);
  const report = await dualReportOf(id);
  const mayEdit = can(actor, "vitality.report", { type: "vitalityUnit", id, orgPath: e.organization.path });
  const receipt = (on: Date | null) => (on ? t("report.receivedState", { date: isoDate(on) }) : t("report.notReceived"));
  return (
    <div className="flex flex-col gap-6">
      <div className="print:hidden">
        <Link href={`/vitality/${id}`} className="text-sm text-primary hover:underline">
          {e.organization.name} · {e.year}
        </Link>
      </div>
      <article className="flex flex-col gap-4" data-testid="report-document" aria-labelledby="report-title">
        <header className="flex flex-col gap-1">
          <h1 id="report-title" className="text-2xl font-bold">
            {t("report.title", { year: e.year })}
          </h1>
          <p className="text-sm text-muted-foreground">
            {e.organization.name} · {t("report.chairperson", { name: e.chairpersonName })}
          </p>
          <p className="text-sm text-muted-foreground">{t("report.source")}</p>
        </header>
        {report ? (
          <dl className="grid gap-3">
            <dt className="font-medium">{t("report.programmeResults")}</dt>
            <dd className="whitespace-pre-line">{report.programmeResults}</dd>
            <dt className="font-medium">{t("report.funds")}</dt>
            <dd data-testid="report-funds">
              {t("report.fundsValue", { collected: formatYuan(report.fundsCollected), managed: formatYuan(report.fundsManaged), used: formatYuan(report.fundsUsed) })}
            </dd>
            <dt className="font-medium">{t("report.dutiesPerformance")}</dt>
            <dd className="whitespace-pre-line">{report.dutiesPerformance}</dd>
            <dt className="font-medium">{t("report.receipts.CONGRESS")}</dt>
            <dd data-testid="receipt-congress">{receipt(report.congressReceivedOn)}</dd>
            <dt className="font-medium">{t("report.receipts.HIGHER")}</dt>
            <dd data-testid="receipt-higher">{receipt(report.higherReceivedOn)}</dd>
          </dl>
        ) : (
          <p className="text-sm text-muted-foreground" data-testid="report-none">
            {t("report.none")}
          </p>
        )}
      </article>
      {report ? (
        <div className="print:hidden">
          <PrintButton label={t("report.print")} />
        </div>
      ) : null}
      {mayEdit ? (
        <>
          <Card className="print:hidden">
            <CardHeader>
              <CardTitle>{t("report.formTitle")}</CardTitle>
              <CardDescription>{t("report.formHint")}</CardDescription>
            </CardHeader>
            <CardContent>
              <DualReportForm
                enrolmentId={id}
                defaults={{
                  programmeResults: report?.programmeResults,
                  fundsCollected: report?.fundsCollected.toFixed(2),
                  fundsManaged: report?.fundsManaged.toFixed(2),
                  fundsUsed: report?.fundsUsed.toFixed(2),
                  dutiesPerformance: report?.dutiesPerformance,
                }}
              />
            </CardContent>
          </Card>
          {report ? (
            <Card className="print:hidden">
              <CardHeader>
                <CardTitle>{t("report.receiptTitle")}</CardTitle>
                <CardDescription>{t("report.receiptHint")}</CardDescription>
              </CardHeader>
              <CardContent>
                <ReceiptForm enrolmentId={id} />
              </CardContent>
            </Card>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
