import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { isoDate } from "@/lib/dates";
import { limitsView } from "@/lib/cases/policy-view";
import { caseResource, loadCase } from "@/lib/cases/resource";
import { db } from "@/lib/db";
import { ApplicationForm } from "@/components/cases/application-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { updateCaseAction } from "../../actions";
import { idParamOrNotFound } from "@/lib/server/params";

export async function generateMetadata() {
  const t = await getTranslations("cases");
  return { title: t("form.editTitle") };
}

/** The applicant edits a draft, or adds material after a return (art. 18). */
export default async function EditCasePage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParamOrNotFound((await params).id);
  await guardPage("case.edit", () => caseResource(id));
  const t = await getTranslations();
  const app = await loadCase(db(), id);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("cases.form.editTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {app.number} ·{" "}
          <Link href={`/cases/${app.id}`} className="text-primary underline">
            {t("cases.form.backToCase")}
          </Link>
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("cases.form.title")}</CardTitle>
          <CardDescription>{app.status === "RETURNED" ? t("cases.form.returnedHint") : t("cases.form.draftHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ApplicationForm
            action={updateCaseAction}
            limits={limitsView(app.policyVersion)}
            hidden={{ caseId: app.id, version: app.version }}
            submitLabel={t("common.save")}
            initial={{
              article: app.article,
              eventType: app.eventType,
              eventDate: isoDate(app.eventDate),
              eventDescription: app.eventDescription,
              harmDescription: app.harmDescription,
              requestedAmount: app.requestedAmount?.toFixed(2),
              requestedMonths: app.requestedMonths?.toString(),
              unemployedFrom: app.unemployedFrom ? isoDate(app.unemployedFrom) : undefined,
              phone: app.phone ?? undefined,
              bankName: app.bankName ?? undefined,
              bankAccountName: app.bankAccountName ?? undefined,
              bankAccountNumber: app.bankAccountNumber ?? undefined,
            }}
          />
        </CardContent>
      </Card>
    </div>
  );
}
