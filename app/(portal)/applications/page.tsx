import { dateFormatter } from "@/lib/i18n/dates";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { myApplications } from "@/lib/applications/queries";
import { formatYuan } from "@/lib/money";
import { StatusBadge } from "@/app/(portal)/applications/_components/badges";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("myApplications") };
}

/** The applicant's own applications: status, stage and decision at every step. */
export default async function MyApplicationsPage() {
  const actor = await guardPage("application.create", (a) => ({ type: "organization", id: a.organizationId, path: a.orgPath }));
  const t = await getTranslations();
  const dates = await dateFormatter();
  const rows = await myApplications(actor.id);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("nav.myApplications")}</h1>
        <Button asChild>
          <Link href="/applications/new">{t("nav.newApplication")}</Link>
        </Button>
      </div>
      <Card>
        <CardContent className="pt-4 sm:pt-6">
          {rows.length === 0 ? (
            <p className="text-sm text-muted-foreground">{t("applications.list.empty")}</p>
          ) : (
            <Table label={t("nav.myApplications")} stack>
              <THead>
                <TR>
                  <TH>{t("applications.list.number")}</TH>
                  <TH>{t("applications.form.article")}</TH>
                  <TH>{t("common.status")}</TH>
                  <TH>{t("applications.list.requested")}</TH>
                  <TH>{t("applications.list.approved")}</TH>
                  <TH>{t("applications.list.date")}</TH>
                </TR>
              </THead>
              <TBody>
                {rows.map((r) => (
                  <TR key={r.id} data-testid={`my-application-${r.number}`}>
                    <TD label={t("applications.list.number")}>
                      <Link className="font-mono text-primary underline-offset-2 hover:underline" href={`/applications/${r.id}`}>
                        {r.number}
                      </Link>
                    </TD>
                    <TD label={t("applications.form.article")} className="whitespace-nowrap">{t(`applications.articleShort.${r.article}`)}</TD>
                    <TD label={t("common.status")} data-testid="application-status-cell">
                      <StatusBadge status={r.status} stage={r.stage} />
                    </TD>
                    <TD label={t("applications.list.requested")} className="whitespace-nowrap">
                      {r.article === "ART17" ? t("applications.amounts.months", { months: r.requestedMonths ?? 0 }) : r.requestedAmount ? t("common.yuan", { amount: formatYuan(r.requestedAmount) }) : "—"}
                    </TD>
                    <TD label={t("applications.list.approved")} className="whitespace-nowrap">
                      {r.status !== "APPROVED"
                        ? "—"
                        : r.article === "ART17"
                          ? t("applications.amounts.months", { months: r.approvedMonths ?? 0 })
                          : t("common.yuan", { amount: formatYuan(r.approvedAmount ?? 0) })}
                    </TD>
                    <TD label={t("applications.list.date")} className="whitespace-nowrap text-xs">{dates.date(r.submittedAt ?? r.createdAt)}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
