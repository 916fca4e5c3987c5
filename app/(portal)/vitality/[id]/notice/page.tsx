/**
 * The printable results notice (《实施方案》四.2 "评议结果要向职工和基层单位行政通报"): the members' ballot (turnout and
 * validity), the members' rates with their denominator, the higher evaluation, the combined rate and class (五), and the
 * consequences with the admonition talk and any chairperson adjustment recorded. A4 (app/globals.css print rules).
 * Issues raised with improvement measures are not recorded in this release, so the notice does not list them.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/dates";
import { guardPage } from "@/lib/server/action";
import { PrintButton } from "@/components/ui/print-button";
import { consequencesOf, enrolmentDetail, enrolmentResource } from "@/lib/vitality/queries";
import { formatPercent } from "@/lib/vitality/rules";
import { unitResult } from "@/lib/vitality/units";

export const dynamic = "force-dynamic";

export default async function ResultsNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  await guardPage("vitality.view", () => enrolmentResource(id));
  const t = await getTranslations("vitality");
  const e = await enrolmentDetail(id);
  const result = await unitResult(db(), id);
  const { talks, adjustments } = await consequencesOf(id);
  const c = result.consequences;
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center gap-4 print:hidden">
        <Link href={`/vitality/${id}`} className="text-sm text-primary hover:underline">
          {e.organization.name} · {e.year}
        </Link>
        <PrintButton label={t("notice.print")} />
      </div>
      <article className="flex flex-col gap-4" data-testid="results-notice" aria-labelledby="notice-title">
        <header className="flex flex-col gap-1 text-center">
          <h1 id="notice-title" className="text-2xl font-bold">
            {t("notice.title", { year: e.year })}
          </h1>
          <p>{e.organization.name}</p>
          <p className="text-sm text-muted-foreground">{t("notice.source")}</p>
        </header>
        <p>{t("notice.addressees")}</p>
        <dl className="grid gap-2 sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium">{t("result.ballot")}</dt>
          <dd data-testid="notice-turnout">
            {result.ballot
              ? `${t("result.turnout", { votes: result.ballot.votes, due: result.ballot.due, required: result.ballot.required })} · ${result.ballot.valid ? t("result.valid") : t("result.invalid")}`
              : "—"}
          </dd>
          <dt className="font-medium">{t("result.member")}</dt>
          <dd data-testid="notice-member">
            {result.member
              ? t("result.memberRates", {
                  satisfied: formatPercent(result.member.satisfactionPercent),
                  dissatisfied: formatPercent(result.member.dissatisfactionPercent),
                  denominator: result.member.denominator,
                })
              : "—"}
          </dd>
          <dt className="font-medium">{t("result.higher")}</dt>
          <dd>{result.higherPercent !== null ? `${formatPercent(result.higherPercent)}%` : "—"}</dd>
          <dt className="font-medium">{t("result.combined")}</dt>
          <dd data-testid="notice-combined">{result.combined ? t("result.combinedValue", { value: formatPercent(result.combined), weight: result.memberWeightPercent ?? "" }) : "—"}</dd>
          <dt className="font-medium">{t("class")}</dt>
          <dd data-testid="notice-class">{t(`classes.${result.class}`)}</dd>
        </dl>
        <section className="flex flex-col gap-2">
          <h2 className="text-lg font-semibold">{t("notice.consequences")}</h2>
          <ul className="list-disc pl-6" data-testid="notice-consequences">
            {c?.admonitionDue ? <li>{t("consequence.admonitionText")}</li> : null}
            {c?.chairpersonAdjustmentDue ? <li>{t("consequence.adjustmentText")}</li> : null}
            {c?.awardPriority ? <li>{t("consequence.priorityText")}</li> : null}
            {c?.cadreManagementRules ? <li>{t("consequence.cadreRulesText")}</li> : null}
            {!c || (!c.admonitionDue && !c.chairpersonAdjustmentDue && !c.awardPriority && !c.cadreManagementRules) ? <li>{t("notice.noConsequence")}</li> : null}
          </ul>
          {talks.map((talk) => (
            <p key={talk.id} data-testid="notice-talk">
              {t("talk.recorded", { date: isoDate(talk.heldOn), participants: talk.participants, deadline: isoDate(talk.rectificationDeadline) })}
              {talk.rectifiedOn ? ` ${t("notice.rectified", { date: isoDate(talk.rectifiedOn) })}` : ""}
            </p>
          ))}
          {adjustments.map((a) => (
            <p key={a.id}>{t("adjustment.recorded", { date: isoDate(a.decidedOn), decision: a.decision })}</p>
          ))}
        </section>
        <footer className="mt-8 flex flex-col items-end gap-1">
          <p>{t("notice.issuer")}</p>
          <p>{t("notice.dateLine")}</p>
        </footer>
      </article>
    </div>
  );
}
