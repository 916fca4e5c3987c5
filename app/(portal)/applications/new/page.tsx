import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/server/action";
import { eligibilityOf } from "@/lib/applications/drafts";
import { policyToday } from "@/lib/applications/policy-view";
import { ApplicationForm } from "@/app/(portal)/applications/_components/application-form";
import { EligibilityPanel } from "@/app/(portal)/applications/_components/eligibility-panel";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { createApplicationAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("nav");
  return { title: t("newApplication") };
}

/** The application form (art. 18.1), with the art. 2 eligibility explained first. */
export default async function NewApplicationPage() {
  const actor = await guardPage("application.create", (a) => ({ type: "organization", id: a.organizationId, path: a.orgPath }));
  const t = await getTranslations();
  const [applicant, { policy, limits }] = await Promise.all([eligibilityOf(actor.id), policyToday()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{t("applications.form.title")}</h1>
        <p className="mt-1 text-sm text-muted-foreground">{t("applications.form.subtitle")}</p>
      </div>
      <EligibilityPanel
        eligibility={applicant.eligibility}
        position={applicant.user.position}
        fullTime={applicant.user.fullTime}
        orgName={applicant.organization.name}
        reportingOrgName={applicant.reportingOrg?.name ?? null}
      />
      {applicant.reportingOrg ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("applications.form.applicant", { name: applicant.user.displayName })}</CardTitle>
            <CardDescription>
              {t("applications.form.draftHint")} {t("applications.form.policy", { title: policy.title })}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ApplicationForm action={createApplicationAction} limits={limits} initial={{ phone: applicant.user.phone ?? "", bankAccountName: applicant.user.displayName.replace(/（.*）$/, "") }} submitLabel={t("applications.form.saveDraft")} />
          </CardContent>
        </Card>
      ) : (
        <p className="text-sm">
          <Link href="/applications" className="text-primary underline">
            {t("nav.myApplications")}
          </Link>
        </p>
      )}
    </div>
  );
}
