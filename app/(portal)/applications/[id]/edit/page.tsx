import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { isoDate } from "@/lib/dates";
import { limitsView } from "@/lib/applications/policy-view";
import { applicationResource, loadApplication } from "@/lib/applications/resource";
import { db } from "@/lib/db";
import { ApplicationForm } from "@/app/(portal)/applications/_components/application-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { updateApplicationAction } from "../../actions";
import { idParamOrNotFound } from "@/lib/server/params";

export async function generateMetadata() {
  const t = await getTranslations("applications");
  return { title: t("form.editTitle") };
}

/** The applicant edits a draft, or adds material after a return (art. 18). */
export default async function EditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParamOrNotFound((await params).id);
  await guardPage("application.edit", () => applicationResource(id));
  const t = await getTranslations();
  const app = await loadApplication(db(), id);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("applications.form.editTitle")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {app.number} ·{" "}
          <Link href={`/applications/${app.id}`} className="text-primary underline">
            {t("applications.form.backToApplication")}
          </Link>
        </p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("applications.form.title")}</CardTitle>
          <CardDescription>{app.status === "RETURNED" ? t("applications.form.returnedHint") : t("applications.form.draftHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <ApplicationForm
            action={updateApplicationAction}
            limits={limitsView(app.policyVersion)}
            hidden={{ applicationId: app.id, version: app.version }}
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
