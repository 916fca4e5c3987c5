import { dateFormatter } from "@/lib/i18n/dates";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { guardPage } from "@/lib/server/action";
import { eligibilityOf } from "@/lib/applications/drafts";
import { accountFor } from "@/lib/applications/bank-account";
import { applicationOverdue } from "@/lib/applications/deadlines";
import { isoDate, todayInChina } from "@/lib/dates";
import { measureOverdue } from "@/lib/applications/measures";
import { scheduleForApplication } from "@/lib/applications/payables";
import { loadApplicationPage } from "@/lib/applications/queries";
import { applicationResource, toApplicationResource } from "@/lib/applications/resource";
import { reviewCommandsAt } from "@/lib/applications/workflow";
import { stepOf } from "@/lib/approval/chain";
import { ART18_CHAIN } from "@/lib/applications/chain";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors";
import { formatYuan } from "@/lib/money";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { OverdueBadge, StatusBadge } from "@/app/(portal)/applications/_components/badges";
import { EligibilityPanel } from "@/app/(portal)/applications/_components/eligibility-panel";
import { EvidenceUpload, MeasureForm, ReemploymentForm } from "@/app/(portal)/applications/_components/application-forms";
import { FastTrackForm, ResubmitApplicationForm, ReviewForm, SubmitApplicationForm, WithdrawApplicationForm } from "@/app/(portal)/applications/_components/review-forms";
import { idParamOrNotFound } from "@/lib/server/params";
import {
  AmountExplanation,
  ApplicationDetails,
  AttachmentList,
  AuditTimeline,
  MeasureList,
  PayableTable,
  ReviewHistory,
} from "@/app/(portal)/applications/_components/application-sections";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const t = await getTranslations("applications");
  return { title: t("page.metaTitle", { id: (await params).id }) };
}

/** The art. 17 schedule of the months currently in question (approved, else proposed, else requested); null when it cannot be computed. */
async function estimate(app: NonNullable<Awaited<ReturnType<typeof loadApplicationPage>>>["app"]) {
  const months = app.approvedMonths ?? app.proposedMonths ?? app.requestedMonths;
  if (app.article !== "ART17" || !months || !app.unemployedFrom) return null;
  try {
    return { months, schedule: (await scheduleForApplication(db(), app, months)).schedule };
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParamOrNotFound((await params).id);
  const actor = await guardPage("application.view", () => applicationResource(id));
  const data = await loadApplicationPage(id);
  if (!data) notFound();
  const { app } = data;
  const t = await getTranslations();
  const dates = await dateFormatter();
  const now = new Date();
  const today = todayInChina(now);
  const resource = toApplicationResource(app);
  const may = {
    edit: can(actor, "application.edit", resource),
    review: can(actor, "application.review", resource),
    fastTrack: can(actor, "application.fastTrack", resource),
    measure: can(actor, "application.measure", resource),
    reemployment: can(actor, "application.recordReemployment", resource) && app.article === "ART17" && !app.reemployedOn,
  };
  // Art. 4.3: the gate (application.viewBankAccount) decides who sees the full account number; others see the last 4 digits.
  const account = accountFor(actor, resource, app.bankAccountNumber);
  const applicant = may.edit ? await eligibilityOf(app.applicantId) : null;
  const schedule = await estimate(app);
  const lastReturn = app.status === "RETURNED" ? [...app.reviews].reverse().find((r) => r.action === "RETURN") : undefined;
  const overdueLetters = app.measures.filter((m) => m.kind === "ART6_OPINION_LETTER" && measureOverdue(m, today)).length;
  const proposed = app.article === "ART17" ? (app.proposedMonths ?? app.requestedMonths)?.toString() : (app.proposedAmount ?? app.requestedAmount)?.toFixed(2);
  const maxMonths = app.policyVersion.minimumWageSupportMaxMonths;

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-bold" data-testid="application-title">
            {t("applications.page.title", { number: app.number })}
          </h1>
          <StatusBadge status={app.status} stage={app.stage} />
          {applicationOverdue(app, now) ? <OverdueBadge label={t("applications.queue.overdue")} /> : null}
          {overdueLetters > 0 ? <OverdueBadge label={t("applications.measures.lettersOverdue", { count: overdueLetters })} /> : null}
        </div>
        <p className="text-sm text-muted-foreground">
          {t(`applications.articles.${app.article}`)} · {app.applicant.displayName} · {app.organization.name}
          {app.submittedAt ? ` · ${t("applications.page.submittedAt", { at: dates.dateTime(app.submittedAt) })}` : null}
          {app.status === "IN_REVIEW" && app.stageDueAt ? ` · ${t("applications.page.dueAt", { at: dates.date(app.stageDueAt) })}` : null}
        </p>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="outline" size="sm">
            <Link href={`/applications/${app.id}/print/application`}>{t("applications.print.applicationLink")}</Link>
          </Button>
          {may.edit ? (
            <Button asChild variant="outline" size="sm">
              <Link href={`/applications/${app.id}/edit`}>{t("applications.actions.edit")}</Link>
            </Button>
          ) : null}
        </div>
      </div>

      {data.duplicates.length > 0 ? (
        <Alert tone="warning" data-testid="duplicates">
          {t("applications.page.duplicates")}{" "}
          {data.duplicates.map((d, i) => (
            <span key={d.id}>
              {i > 0 ? "、" : null}
              <Link className="underline" href={`/applications/${d.id}`}>
                {d.number}
              </Link>
              （{t(`applications.status.${d.status}`)}）
            </span>
          ))}
        </Alert>
      ) : null}
      {lastReturn ? (
        <Alert tone="warning" data-testid="return-reason">
          <p className="font-semibold">{t("applications.page.returned", { round: app.returnRound, stage: t(`applications.stage.${lastReturn.stage ?? "GRASSROOTS"}`) })}</p>
          <p className="mt-1 whitespace-pre-wrap">{lastReturn.opinion}</p>
        </Alert>
      ) : null}
      {app.status === "REJECTED" || app.status === "WITHDRAWN" ? (
        <Alert tone="error" data-testid="closing-reason">
          <p className="font-semibold">{t(`applications.page.closed.${app.status}`)}</p>
          <p className="mt-1 whitespace-pre-wrap">{app.closingReason}</p>
        </Alert>
      ) : null}
      {app.status === "APPROVED" ? (
        <Alert tone="success" data-testid="decision">
          {t("applications.page.approved", {
            path: t(`applications.decisionPath.${app.decisionPath ?? "LEADING_GROUP"}`),
            granted:
              app.article === "ART17"
                ? t("applications.amounts.grantedMonths", { months: app.approvedMonths ?? 0 })
                : t("applications.amounts.grantedOneOff", { amount: formatYuan(app.approvedAmount ?? 0) }),
          })}
        </Alert>
      ) : null}

      {applicant ? (
        <EligibilityPanel
          eligibility={applicant.eligibility}
          position={applicant.user.position}
          fullTime={applicant.user.fullTime}
          orgName={applicant.organization.name}
          reportingOrgName={applicant.reportingOrg?.name ?? null}
        />
      ) : null}

      {may.edit || may.review || may.fastTrack ? (
        <Card className="border-primary/40" data-testid="action-panel">
          <CardHeader>
            <CardTitle>{t("applications.page.actionPanel")}</CardTitle>
            {may.review && app.stage ? <CardDescription>{t(`applications.review.title.${app.stage}`)}</CardDescription> : null}
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            {may.edit && app.status === "DRAFT" ? <SubmitApplicationForm applicationId={app.id} version={app.version} disabled={!applicant?.eligibility.eligible} /> : null}
            {may.edit && app.status === "RETURNED" ? <ResubmitApplicationForm applicationId={app.id} version={app.version} /> : null}
            {may.review && app.stage ? (
              <ReviewForm applicationId={app.id} version={app.version} stage={app.stage} article={app.article} options={reviewCommandsAt(app.stage)} forwardRecords={stepOf(ART18_CHAIN, app.stage).records?.FORWARD ?? []} proposed={proposed} maxMonths={maxMonths} subject={{ number: app.number, applicant: app.applicant.displayName }} />
            ) : null}
            {may.fastTrack && app.stage ? (
              <section aria-labelledby="fast-track-title" className="rounded-md border p-4">
                <h3 id="fast-track-title" className="mb-2 font-semibold">
                  {t("applications.fastTrack.title")}
                </h3>
                <FastTrackForm applicationId={app.id} version={app.version} stage={app.stage} article={app.article} proposed={proposed} maxMonths={maxMonths} subject={{ number: app.number, applicant: app.applicant.displayName }} />
              </section>
            ) : null}
            {may.edit || may.review ? (
              <section aria-labelledby="upload-title">
                <h3 id="upload-title" className="mb-2 font-semibold">
                  {t("applications.attachments.uploadTitle")}
                </h3>
                <EvidenceUpload applicationId={app.id} as={may.edit ? "applicant" : "reviewer"} maxBytes={env().MAX_UPLOAD_BYTES} />
              </section>
            ) : null}
            {may.edit ? <WithdrawApplicationForm applicationId={app.id} version={app.version} /> : null}
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("applications.page.details")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ApplicationDetails app={app} account={account} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("applications.amounts.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <AmountExplanation app={app} schedule={schedule} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("applications.attachments.title")}</CardTitle>
          <CardDescription>{t("applications.attachments.subtitle")}</CardDescription>
        </CardHeader>
        <CardContent>
          <AttachmentList app={app} canRemove={may.edit} actorId={actor.id} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("applications.measures.title")}</CardTitle>
          <CardDescription>{t("applications.measures.subtitle")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <MeasureList data={data} canClose={may.measure} today={today} />
          {may.measure ? (
            <details className="rounded-md border p-3" open={app.measures.length === 0 && app.stage === "DISTRICT" && app.status === "IN_REVIEW"}>
              <summary className="cursor-pointer font-medium">{t("applications.measures.add")}</summary>
              <div className="mt-3">
                <MeasureForm applicationId={app.id} today={isoDate(today)} />
              </div>
            </details>
          ) : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("applications.payables.title")}</CardTitle>
          <CardDescription>{t("applications.payables.subtitle")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <PayableTable app={app} />
          {may.reemployment ? <ReemploymentForm applicationId={app.id} version={app.version} /> : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("applications.history.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <ReviewHistory data={data} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("applications.page.timeline")}</CardTitle>
          <CardDescription>{t("applications.page.timelineHint")}</CardDescription>
        </CardHeader>
        <CardContent>
          <AuditTimeline data={data} />
        </CardContent>
      </Card>
    </div>
  );
}
