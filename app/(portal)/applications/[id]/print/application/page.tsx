import { dateFormatter } from "@/lib/i18n/dates";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { guardPage } from "@/lib/server/action";
import { loadApplicationPage } from "@/lib/applications/queries";
import { accountFor } from "@/lib/applications/bank-account";
import { applicationResource, toApplicationResource } from "@/lib/applications/resource";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { formatYuan } from "@/lib/money";
import { Sheet } from "@/app/(portal)/applications/_components/print";
import { PrintButton } from "@/components/ui/print-button";
import { idParamOrNotFound } from "@/lib/server/params";

export async function generateMetadata() {
  const t = await getTranslations("applications.print");
  return { title: t("applicationTitle") };
}

const cell = "border border-black px-2 py-1.5 align-top break-words [overflow-wrap:anywhere]";
const head = `${cell} w-20 text-center font-semibold sm:w-28 sm:whitespace-nowrap`;

/**
 * 《大连市基层工会干部权益保障基金申报表》 in print layout (art. 18.1): the
 * applicant's part, then each level's opinion with signature and seal boxes
 * (18.1 own union, 18.2 district/industrial union, 18.3 office, leading group
 * or chairperson's office meeting).
 */
export default async function PrintApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const id = idParamOrNotFound((await params).id);
  const actor = await guardPage("application.view", () => applicationResource(id));
  const data = await loadApplicationPage(id);
  if (!data) notFound();
  const { app } = data;
  // The full account number only for whom the gate allows (application.viewBankAccount); masked otherwise.
  const account = accountFor(actor, toApplicationResource(app), app.bankAccountNumber);
  const t = await getTranslations();
  const dates = await dateFormatter();
  const date = (d: Date | null | undefined) => (d ? dates.date(d) : "");
  /** The decision: an approval (leading group or chairperson's meeting) or the leading group's rejection. */
  const decision = [...app.reviews].reverse().find((r) => r.action === "APPROVE" || (r.action === "REJECT" && r.stage === "LEADING_GROUP"));
  /** The latest opinion given at a stage (forward, return, reject), other than the decision. */
  const opinionAt = (stage: ApplicationStage) =>
    [...app.reviews].reverse().find((r) => r.stage === stage && r !== decision && r.action !== "SUBMIT" && r.action !== "RESUBMIT" && r.action !== "WITHDRAW");
  const requested =
    app.article === "ART17"
      ? t("applications.print.requestedMonths", { months: app.requestedMonths ?? 0, from: date(app.unemployedFrom) })
      : t("common.yuan", { amount: formatYuan(app.requestedAmount ?? 0) });

  const levelBox = (title: string, stage: ApplicationStage, extra?: ReactNode, signer?: string) => {
    const r = opinionAt(stage);
    return (
      <tr>
        <th scope="row" className={head}>
          {title}
        </th>
        <td className={cell} colSpan={3}>
          <div className="min-h-24 whitespace-pre-wrap" data-testid={`print-opinion-${stage}`}>
            {r ? `${t(`applications.reviewAction.${r.action}`)}：${r.opinion}` : ""}
            {extra}
          </div>
          <div className="mt-4 flex flex-wrap justify-end gap-x-10 gap-y-2 text-sm">
            <span className="whitespace-nowrap">{t("applications.print.signature", { name: r ? (data.personName.get(r.actorId) ?? "") : "" })}</span>
            <span className="inline-flex h-16 w-16 items-center justify-center rounded-full border border-dashed border-black text-xs">{t("applications.print.seal")}</span>
            <span>{r ? date(r.at) : t("applications.print.blankDate")}</span>
          </div>
          {signer ? <p className="mt-1 text-right text-xs">{signer}</p> : null}
        </td>
      </tr>
    );
  };

  const district = opinionAt("DISTRICT");
  const office = opinionAt("OFFICE");
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <PrintButton />
        <Link href={`/applications/${app.id}`} className="text-sm text-primary underline">
          {t("applications.form.backToApplication")}
        </Link>
      </div>
      <Sheet label={t("applications.print.applicationTitle")}>
        <h1 className="text-center text-2xl font-bold tracking-wide">{t("applications.print.applicationTitle")}</h1>
        <p className="mt-2 flex justify-between text-sm">
          <span>{t("applications.print.filedBy", { org: app.organization.name })}</span>
          <span>{t("applications.print.number", { number: app.number })}</span>
        </p>
        <table className="mt-2 w-full border-collapse text-sm">
          <tbody>
            <tr>
              <th scope="row" className={head}>
                {t("applications.form.applicantName")}
              </th>
              <td className={cell}>{app.applicant.displayName}</td>
              <th scope="row" className={head}>
                {t("applications.form.position")}
              </th>
              <td className={cell}>
                {t(`positions.${app.position}`)}（{app.fullTime ? t("applications.form.fullTime") : t("applications.form.partTime")}）
              </td>
            </tr>
            <tr>
              <th scope="row" className={head}>
                {t("applications.form.organization")}
              </th>
              <td className={cell}>{app.organization.name}</td>
              <th scope="row" className={head}>
                {t("applications.form.phone")}
              </th>
              <td className={cell}>{app.phone ?? ""}</td>
            </tr>
            <tr>
              <th scope="row" className={head}>
                {t("applications.form.article")}
              </th>
              <td className={cell}>{t(`applications.articles.${app.article}`)}</td>
              <th scope="row" className={head}>
                {t("applications.form.eventDate")}
              </th>
              <td className={cell}>{date(app.eventDate)}</td>
            </tr>
            <tr>
              <th scope="row" className={head}>
                {t("applications.form.eventType")}
              </th>
              <td className={cell} colSpan={3}>
                {t.has(`applications.eventTypes.${app.eventType}`) ? t(`applications.eventTypes.${app.eventType}`) : app.eventType}
              </td>
            </tr>
            <tr>
              <th scope="row" className={head}>
                {t("applications.form.eventDescription")}
              </th>
              <td className={`${cell} whitespace-pre-wrap`} colSpan={3}>
                <div className="min-h-28">{app.eventDescription}</div>
              </td>
            </tr>
            <tr>
              <th scope="row" className={head}>
                {t("applications.form.harmDescription")}
              </th>
              <td className={`${cell} whitespace-pre-wrap`} colSpan={3}>
                <div className="min-h-16">{app.harmDescription}</div>
              </td>
            </tr>
            <tr>
              <th scope="row" className={head}>
                {t("applications.print.requested")}
              </th>
              <td className={cell} colSpan={3}>
                {requested}
              </td>
            </tr>
            <tr>
              <th scope="row" className={head}>
                {t("applications.print.bank")}
              </th>
              <td className={cell} colSpan={3}>
                {t("applications.print.bankLine", { bank: app.bankName ?? "", name: app.bankAccountName ?? "", account: account ?? "" })}
              </td>
            </tr>
            <tr>
              <th scope="row" className={head}>
                {t("applications.print.applicantSign")}
              </th>
              <td className={cell} colSpan={3}>
                <div className="flex justify-between text-sm">
                  <span>{t("applications.print.declaration")}</span>
                  <span className="whitespace-nowrap">{t("applications.print.signature", { name: "" })}</span>
                  <span className="whitespace-nowrap">{app.submittedAt ? date(app.submittedAt) : t("applications.print.blankDate")}</span>
                </div>
              </td>
            </tr>
            {levelBox(t("applications.print.level.GRASSROOTS"), "GRASSROOTS")}
            {levelBox(
              t("applications.print.level.DISTRICT"),
              "DISTRICT",
              district?.verificationFindings ? (
                <span className="mt-1 block">{t("applications.history.verification", { date: date(district.verifiedOn), text: district.verificationFindings })}</span>
              ) : null,
              app.reportingOrg.name,
            )}
            {levelBox(
              t("applications.print.level.OFFICE"),
              "OFFICE",
              office?.amount || office?.months ? (
                <span className="mt-1 block">
                  {office.months ? t("applications.history.months", { months: office.months }) : t("applications.history.amount", { amount: formatYuan(office.amount ?? 0) })}
                </span>
              ) : null,
            )}
            <tr>
              <th scope="row" className={head}>
                {decision?.decisionPath === "CHAIRPERSON_MEETING" ? t("applications.print.level.CHAIRPERSON_MEETING") : t("applications.print.level.LEADING_GROUP")}
              </th>
              <td className={cell} colSpan={3}>
                <div className="min-h-24 whitespace-pre-wrap" data-testid="print-decision">
                  {decision ? `${t(`applications.reviewAction.${decision.action}`)}：${decision.opinion}` : ""}
                  {decision?.amount ? <span className="mt-1 block">{t("applications.history.amount", { amount: formatYuan(decision.amount) })}</span> : null}
                  {decision?.months ? <span className="mt-1 block">{t("applications.history.months", { months: decision.months })}</span> : null}
                </div>
                <div className="mt-4 flex flex-wrap justify-end gap-x-10 gap-y-2 text-sm">
                  <span className="whitespace-nowrap">{t("applications.print.signature", { name: decision ? (data.personName.get(decision.actorId) ?? "") : "" })}</span>
                  <span className="inline-flex h-16 w-16 items-center justify-center rounded-full border border-dashed border-black text-xs">{t("applications.print.seal")}</span>
                  <span>{decision ? date(decision.at) : t("applications.print.blankDate")}</span>
                </div>
              </td>
            </tr>
          </tbody>
        </table>
        <p className="mt-3 text-xs">{t("applications.print.footnote")}</p>
      </Sheet>
    </div>
  );
}
