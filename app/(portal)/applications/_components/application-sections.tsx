/**
 * Read-only sections of the application page (server components): the application
 * form's content, the amount explanation with its articles, evidence,
 * protective measures, payables, the review history and the audit timeline.
 */
import { dateFormatter } from "@/lib/i18n/dates";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { limitsView } from "@/lib/applications/policy-view";
import { MEASURE_ARTICLE, measureOverdue, readMeasureDetails } from "@/lib/applications/measures";
import { overpaidInstalments, type SupportSchedule } from "@/lib/applications/schedule";
import type { ApplicationPage } from "@/lib/applications/queries";
import { formatYuan } from "@/lib/money";
import { CloseMeasureForm, RemoveEvidenceButton } from "./application-forms";

type App = ApplicationPage["app"];

export function DefinitionList({ items, className }: { items: [string, ReactNode][]; className?: string }) {
  return (
    <dl className={className ?? "grid gap-3 sm:grid-cols-2"}>
      {items.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="text-xs text-muted-foreground">{k}</dt>
          <dd className="whitespace-pre-wrap break-words text-sm font-medium">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * What the applicant filed (申报表).
 * @param account the bank account number as the viewer may see it (accountFor in lib/applications/bank-account.ts: full or masked)
 */
export async function ApplicationDetails({ app, account }: { app: App; account: string | null }) {
  const t = await getTranslations();
  const dates = await dateFormatter();
  return (
    <DefinitionList
      items={[
        [t("applications.form.applicantName"), app.applicant.displayName],
        [t("applications.form.organization"), app.organization.name],
        [t("applications.form.position"), `${t(`positions.${app.position}`)}（${app.fullTime ? t("applications.form.fullTime") : t("applications.form.partTime")}）`],
        [t("applications.form.reportingOrg"), app.reportingOrg.name],
        [t("applications.form.phone"), app.phone ?? "—"],
        [t("applications.form.article"), t(`applications.articles.${app.article}`)],
        [t("applications.form.eventType"), t.has(`applications.eventTypes.${app.eventType}`) ? t(`applications.eventTypes.${app.eventType}`) : app.eventType],
        [t("applications.form.eventDate"), dates.date(app.eventDate)],
        [t("applications.form.eventDescription"), app.eventDescription],
        [t("applications.form.harmDescription"), app.harmDescription],
        [t("applications.form.bankName"), app.bankName ?? "—"],
        [t("applications.form.bankAccountName"), app.bankAccountName ?? "—"],
        [t("applications.form.bankAccountNumber"), account ?? "—"],
      ]}
    />
  );
}

/** The amounts of the application and the article that limits them (art. 15–17, version fixed at submission, art. 19). */
export async function AmountExplanation({ app, schedule }: { app: App; schedule: { schedule: SupportSchedule; months: number } | null }) {
  const t = await getTranslations();
  const dates = await dateFormatter();
  const limits = limitsView(app.policyVersion);
  const money = (v: { toString(): string } | null) => (v === null ? "—" : t("common.yuan", { amount: formatYuan(v) }));
  const months = (v: number | null) => (v === null ? "—" : t("applications.amounts.months", { months: v }));
  const art17 = app.article === "ART17";
  return (
    <div className="flex flex-col gap-4" data-testid="amounts">
      <p className="rounded-md bg-muted p-3 text-sm">{t(`applications.rules.${app.article}`, { ...limits, maxMonths: limits.minimumWageSupportMaxMonths })}</p>
      <DefinitionList
        className="grid gap-3 sm:grid-cols-3"
        items={[
          [t("applications.amounts.requested"), art17 ? months(app.requestedMonths) : money(app.requestedAmount)],
          [t("applications.amounts.proposed"), art17 ? months(app.proposedMonths) : money(app.proposedAmount)],
          [t("applications.amounts.approved"), art17 ? months(app.approvedMonths) : money(app.approvedAmount)],
        ]}
      />
      <p className="text-xs text-muted-foreground">
        {t("applications.amounts.policy", { title: app.policyVersion.title, from: dates.date(app.policyVersion.effectiveFrom) })}
      </p>
      {art17 && app.unemployedFrom ? (
        <div className="flex flex-col gap-2">
          <p className="text-sm">
            {t("applications.amounts.unemployedFrom", { date: dates.date(app.unemployedFrom) })}
            {app.reemployedOn ? ` ${t("applications.amounts.reemployedOn", { date: dates.date(app.reemployedOn) })}` : null}
          </p>
          <p className="text-xs text-muted-foreground">{t("applications.rules.art17Reading")}</p>
          {schedule ? (
            <Table label={t("applications.amounts.scheduleTitle")}>
              <caption className="p-2 text-left text-xs text-muted-foreground">{t("applications.amounts.scheduleCaption", { months: schedule.months })}</caption>
              <THead>
                <TR>
                  <TH>{t("applications.payables.instalment")}</TH>
                  <TH>{t("applications.payables.period")}</TH>
                  <TH>{t("applications.payables.wageRate")}</TH>
                </TR>
              </THead>
              <TBody>
                {schedule.schedule.months.map((m) => (
                  <TR key={m.instalmentNo}>
                    <TD>{m.instalmentNo}</TD>
                    <TD className="whitespace-nowrap">{dates.range(m.periodStart, m.periodEnd)}</TD>
                    <TD>{money(m.wageRate)}</TD>
                  </TR>
                ))}
                <TR>
                  <TD colSpan={2} className="text-right font-medium">
                    {t("applications.amounts.total")}
                  </TD>
                  <TD className="font-medium">{money(schedule.schedule.total)}</TD>
                </TR>
              </TBody>
            </Table>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

export async function AttachmentList({ app, canRemove, actorId }: { app: App; canRemove: boolean; actorId: number }) {
  const t = await getTranslations();
  const dates = await dateFormatter();
  const names = new Map([[app.applicant.id, app.applicant.displayName]]);
  if (app.attachments.length === 0) return <p className="text-sm text-muted-foreground">{t("applications.attachments.none")}</p>;
  return (
    <ul className="flex flex-col divide-y rounded-md border" data-testid="attachments">
      {app.attachments.map((a) => (
        <li key={a.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 p-3 text-sm">
          <a href={`/api/applications/${app.id}/attachments/${a.id}`} className="font-medium text-primary underline-offset-2 hover:underline" download>
            {a.fileName}
          </a>
          <span className="text-xs text-muted-foreground">
            {t("applications.attachments.meta", { size: Math.max(1, Math.round(a.sizeBytes / 1024)), round: a.round + 1, who: names.get(a.uploadedById) ?? t("applications.attachments.reviewer") })} ·{" "}
            {dates.dateTime(a.createdAt)}
          </span>
          {canRemove && a.uploadedById === actorId && a.round === app.returnRound ? <RemoveEvidenceButton attachmentId={a.id} name={a.fileName} /> : null}
        </li>
      ))}
    </ul>
  );
}

export async function MeasureList({ data, canClose, today }: { data: ApplicationPage; canClose: boolean; today: Date }) {
  const t = await getTranslations();
  const dates = await dateFormatter();
  const { app } = data;
  if (app.measures.length === 0) return <p className="text-sm text-muted-foreground">{t("applications.measures.none")}</p>;
  const todayIso = today.toISOString().slice(0, 10);
  const value = (key: string, v: string) => {
    if (key === "remedy" || key === "mode") return t(`applications.measures.${key}.${v}`);
    if (key === "annualIncome" || key === "compensation" || key === "litigationCosts") return t("common.yuan", { amount: formatYuan(v) });
    return v;
  };
  return (
    <ul className="flex flex-col gap-3" data-testid="measures">
      {app.measures.map((m) => {
        const details = readMeasureDetails(m.details);
        const overdue = measureOverdue(m, today);
        return (
          <li key={m.id} id={`measure-${m.id}`} className="scroll-mt-20 rounded-md border p-3" data-testid={`measure-${m.kind}`}>
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{t(`applications.measures.kinds.${m.kind}`)}</span>
              <Badge variant={m.status === "OPEN" ? "default" : m.status === "DONE" ? "success" : "secondary"}>{t(`applications.measures.status.${m.status}`)}</Badge>
              {overdue ? <Badge variant="destructive">{t("applications.measures.overdue")}</Badge> : null}
              {m.kind === "ART6_OPINION_LETTER" ? (
                <Link href={`/applications/${app.id}/print/opinion-letter/${m.id}`} className="text-sm text-primary underline">
                  {t("applications.print.opinionLetterLink")}
                </Link>
              ) : null}
            </div>
            <p className="mt-1 text-xs text-muted-foreground">
              {t("applications.measures.meta", {
                owner: data.personName.get(m.ownerId) ?? "—",
                org: data.orgName.get(m.ownerOrgId) ?? "—",
                started: dates.date(m.startedOn),
                due: m.dueOn ? dates.date(m.dueOn) : "—",
                article: MEASURE_ARTICLE[m.kind],
              })}
            </p>
            <DefinitionList
              className="mt-2 grid gap-2 sm:grid-cols-2"
              items={Object.entries(details).map(([k, v]) => [t(`applications.measures.fields.${k}`), value(k, v)] as [string, ReactNode])}
            />
            {m.note ? <p className="mt-2 text-sm" data-testid="measure-note">{t("applications.measures.note", { text: m.note })}</p> : null}
            {m.outcome ? <p className="mt-2 text-sm" data-testid="measure-outcome">{t("applications.measures.outcome", { text: m.outcome })}</p> : null}
            {m.completedOn ? <p className="text-xs text-muted-foreground">{t("applications.measures.completedOn", { date: dates.date(m.completedOn) })}</p> : null}
            {canClose && m.status === "OPEN" ? <CloseMeasureForm measureId={m.id} version={m.version} today={todayIso} /> : null}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * The payables of an approved application; instalments paid although a later recorded
 * re-employment made them undue (art. 17 "至重新领薪或工作为止") are flagged, with
 * their total, for the office to check and recover.
 */
export async function PayableTable({ app }: { app: App }) {
  const t = await getTranslations();
  const dates = await dateFormatter();
  if (app.payables.length === 0) return <p className="text-sm text-muted-foreground">{t("applications.payables.none")}</p>;
  const overpaid = overpaidInstalments(app.payables, app.reemployedOn);
  const overpaidIds = new Set(overpaid.rows.map((p) => p.id));
  return (
    <div className="flex flex-col gap-3">
      {overpaid.rows.length > 0 && app.reemployedOn ? (
        <p className="rounded-md border border-destructive/50 bg-destructive/10 p-3 text-sm" role="note" data-testid="payables-overpaid">
          {t("applications.payables.overpaidNote", {
            date: dates.date(app.reemployedOn),
            instalments: overpaid.rows.map((p) => p.instalmentNo).join("、"),
            count: overpaid.rows.length,
            amount: formatYuan(overpaid.total),
          })}
        </p>
      ) : null}
      <Table label={t("applications.payables.title")} data-testid="payables">
        <THead>
          <TR>
            <TH>{t("applications.payables.instalment")}</TH>
            <TH>{t("applications.payables.kind")}</TH>
            <TH>{t("applications.payables.period")}</TH>
            <TH>{t("applications.payables.amount")}</TH>
            <TH>{t("applications.payables.dueOn")}</TH>
            <TH>{t("common.status")}</TH>
            <TH>{t("applications.payables.fund")}</TH>
          </TR>
        </THead>
        <TBody>
          {app.payables.map((p) => (
            <TR key={p.id}>
              <TD>{p.instalmentNo}</TD>
              <TD>{t(`applications.payables.kinds.${p.kind}`)}</TD>
              <TD className="whitespace-nowrap">
                {p.periodEnd ? dates.range(p.periodStart, p.periodEnd) : dates.date(p.periodStart)}
              </TD>
              <TD className="whitespace-nowrap">
                {t("common.yuan", { amount: formatYuan(p.amount) })}
                {p.rate ? <span className="block text-xs text-muted-foreground">{t("applications.payables.wageRateNote", { amount: formatYuan(p.rate) })}</span> : null}
              </TD>
              <TD className="whitespace-nowrap">{dates.date(p.dueOn)}</TD>
              <TD>
                <Badge variant={p.status === "PAID" ? "success" : p.status === "CANCELLED" ? "secondary" : "default"}>{t(`applications.payables.status.${p.status}`)}</Badge>
                {p.cancelReason ? <span className="mt-1 block max-w-xs text-xs text-muted-foreground">{p.cancelReason}</span> : null}
                {overpaidIds.has(p.id) ? (
                  <Badge variant="destructive" className="mt-1">
                    {t("applications.payables.overpaid")}
                  </Badge>
                ) : null}
              </TD>
              <TD className="text-xs">{p.fund.name}</TD>
            </TR>
          ))}
        </TBody>
      </Table>
    </div>
  );
}

/** The art. 18 history: every opinion with its author, stage and round. */
export async function ReviewHistory({ data }: { data: ApplicationPage }) {
  const t = await getTranslations();
  const dates = await dateFormatter();
  const { app } = data;
  if (app.reviews.length === 0) return <p className="text-sm text-muted-foreground">{t("applications.history.none")}</p>;
  return (
    <ol className="flex flex-col gap-3" data-testid="history">
      {app.reviews.map((r) => (
        <li key={r.id} className="rounded-md border-l-4 border-primary/40 bg-muted/40 p-3">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">{t(`applications.reviewAction.${r.action}`)}</span>
            {r.stage ? <Badge variant="outline">{t(`applications.stage.${r.stage}`)}</Badge> : null}
            {r.decisionPath ? <Badge variant="secondary">{t(`applications.decisionPath.${r.decisionPath}`)}</Badge> : null}
            <span className="text-xs text-muted-foreground">
              {t("applications.history.by", { name: data.personName.get(r.actorId) ?? "—", org: data.orgName.get(r.actorOrgId) ?? "—", round: r.round + 1 })} ·{" "}
              {dates.dateTime(r.at)}
            </span>
          </div>
          {r.opinion ? <p className="mt-1 whitespace-pre-wrap text-sm">{r.opinion}</p> : null}
          {r.verificationFindings ? (
            <p className="mt-1 whitespace-pre-wrap text-sm">
              {t("applications.history.verification", { date: r.verifiedOn ? dates.date(r.verifiedOn) : "—", text: r.verificationFindings })}
            </p>
          ) : null}
          {r.amount ? <p className="mt-1 text-sm">{t("applications.history.amount", { amount: formatYuan(r.amount) })}</p> : null}
          {r.months ? <p className="mt-1 text-sm">{t("applications.history.months", { months: r.months })}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Every audit entry of the application and its parts (append-only trail). */
export async function AuditTimeline({ data }: { data: ApplicationPage }) {
  const t = await getTranslations();
  const dates = await dateFormatter();
  return (
    <ol className="flex flex-col gap-1 text-sm" data-testid="timeline">
      {data.audit.map((a) => {
        const key = `applications.audit.${a.action.replace(/\./g, "_")}`;
        return (
          <li key={a.id.toString()} className="flex flex-wrap gap-x-2">
            <time className="text-xs text-muted-foreground" dateTime={a.at.toISOString()}>
              {dates.dateTime(a.at)}
            </time>
            <span>{a.actorName ?? "—"}</span>
            <span className="font-medium">{t.has(key) ? t(key) : a.action}</span>
          </li>
        );
      })}
    </ol>
  );
}
