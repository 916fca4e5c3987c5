import { dateFormatter } from "@/lib/i18n/dates";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { listDeadlines, listMinimumWages } from "@/lib/applications/settings";
import { formatYuan } from "@/lib/money";
import { DeadlinesForm, MinimumWageForm } from "@/app/(portal)/applications/_components/settings-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("applicationSettings") };
}

/** The minimum-wage table (art. 17) and the review deadlines per stage (art. 18), managed by administrators. */
export default async function ApplicationSettingsPage() {
  await guardPage("policy.manage", { type: "system" });
  const t = await getTranslations();
  const dates = await dateFormatter();
  const [wages, deadlines] = await Promise.all([listMinimumWages(), listDeadlines()]);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">{t("nav.applicationSettings")}</h1>
      <Card>
        <CardHeader>
          <CardTitle>{t("applications.settings.wagesTitle")}</CardTitle>
          <CardDescription>{t("applications.settings.wagesHint")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <Table label={t("applications.settings.wagesTitle")}>
            <THead>
              <TR>
                <TH>{t("applications.settings.effectiveFrom")}</TH>
                <TH>{t("applications.settings.tier")}</TH>
                <TH>{t("applications.settings.monthlyAmount")}</TH>
                <TH>{t("applications.settings.source")}</TH>
              </TR>
            </THead>
            <TBody>
              {wages.map((w) => (
                <TR key={w.id}>
                  <TD className="whitespace-nowrap">{dates.date(w.effectiveFrom)}</TD>
                  <TD>{w.tier ?? t("applications.settings.allTiers")}</TD>
                  <TD className="whitespace-nowrap">{t("common.yuan", { amount: formatYuan(w.monthlyAmount) })}</TD>
                  <TD className="text-xs">{w.source ?? "—"}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <MinimumWageForm />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("applications.settings.deadlinesTitle")}</CardTitle>
          <CardDescription>{t("applications.settings.deadlinesHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <DeadlinesForm deadlines={deadlines} />
        </CardContent>
      </Card>
    </div>
  );
}
