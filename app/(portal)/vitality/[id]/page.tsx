/**
 * One unit's record in the vitality project (《实施方案》四.2, 五): profile, the combined result with its
 * denominators, class and consequences, the higher evaluation and the members' ballots.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { db } from "@/lib/db";
import { isoDate } from "@/lib/dates";
import { guardPage } from "@/lib/server/action";
import { Badge } from "@/components/ui/badge";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { consequencesOf, enrolmentDetail, enrolmentResource } from "@/lib/vitality/queries";
import { formatPercent } from "@/lib/vitality/rules";
import { unitResult } from "@/lib/vitality/units";
import { AdmonitionTalkForm, ChairpersonAdjustmentForm, CreateBallotForm, HigherEvaluationForm } from "../_components/unit-forms";

export const dynamic = "force-dynamic";

export default async function UnitPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  const actor = await guardPage("vitality.view", () => enrolmentResource(id));
  const t = await getTranslations();
  const e = await enrolmentDetail(id);
  const result = await unitResult(db(), id);
  const resource = { type: "vitalityUnit" as const, id, orgPath: e.organization.path };
  const c = result.consequences;
  const recorded = await consequencesOf(id);
  const mayEvaluate = can(actor, "vitality.evaluate", resource);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">{e.organization.name}</h1>
        <p className="text-sm text-muted-foreground">
          {t("vitality.unitSubtitle", { year: e.year, model: t(`vitality.models.${e.model}`), reason: t(`vitality.scopeReasons.${e.scopeReason}`) })}
        </p>
        <nav aria-label={t("vitality.unitLinks")} className="mt-2 flex flex-wrap gap-4 text-sm">
          <Link href={`/vitality/${id}/plan`} className="text-primary hover:underline">
            {t("vitality.plan.link")}
          </Link>
          <Link href={`/vitality/${id}/report`} className="text-primary hover:underline">
            {t("vitality.report.link")}
          </Link>
          {result.ballot ? (
            <Link href={`/vitality/${id}/notice`} className="text-primary hover:underline">
              {t("vitality.notice.link")}
            </Link>
          ) : null}
        </nav>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("vitality.result.title")}</CardTitle>
          <CardDescription>{t("vitality.result.definition")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3" data-testid="unit-result">
          <dl className="grid gap-2 sm:grid-cols-2">
            <dt className="text-muted-foreground">{t("vitality.result.ballot")}</dt>
            <dd>
              {result.ballot
                ? t("vitality.result.turnout", { votes: result.ballot.votes, due: result.ballot.due, required: result.ballot.required }) +
                  (result.ballot.valid ? "" : ` · ${t("vitality.result.invalid")}`)
                : "—"}
            </dd>
            <dt className="text-muted-foreground">{t("vitality.result.member")}</dt>
            <dd>
              {result.member
                ? t("vitality.result.memberRates", {
                    satisfied: formatPercent(result.member.satisfactionPercent),
                    dissatisfied: formatPercent(result.member.dissatisfactionPercent),
                    denominator: result.member.denominator,
                  })
                : "—"}
            </dd>
            <dt className="text-muted-foreground">{t("vitality.result.higher")}</dt>
            <dd>{result.higherPercent !== null ? `${formatPercent(result.higherPercent)}%` : "—"}</dd>
            <dt className="text-muted-foreground">{t("vitality.result.combined")}</dt>
            <dd data-testid="combined">
              {result.combined ? t("vitality.result.combinedValue", { value: formatPercent(result.combined), weight: result.memberWeightPercent ?? "" }) : "—"}
            </dd>
            <dt className="text-muted-foreground">{t("vitality.class")}</dt>
            <dd data-testid="class">
              <Badge>{t(`vitality.classes.${result.class}`)}</Badge>
            </dd>
          </dl>
          {c?.admonitionDue ? <Alert tone="error">{t("vitality.consequence.admonitionText")}</Alert> : null}
          {c?.chairpersonAdjustmentDue ? <Alert tone="error">{t("vitality.consequence.adjustmentText")}</Alert> : null}
          {c?.awardPriority ? <Alert tone="success">{t("vitality.consequence.priorityText")}</Alert> : null}
          {c?.cadreManagementRules ? <Alert tone="info">{t("vitality.consequence.cadreRulesText")}</Alert> : null}
        </CardContent>
      </Card>
      {c?.admonitionDue || c?.chairpersonAdjustmentDue || recorded.talks.length || recorded.adjustments.length ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("vitality.talk.title")}</CardTitle>
            <CardDescription>{t("vitality.talk.hint")}</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {recorded.talks.length ? (
              <ul className="flex flex-col gap-2" data-testid="talks">
                {recorded.talks.map((talk) => (
                  <li key={talk.id} className="rounded-md border p-3 text-sm">
                    {t("vitality.talk.recorded", { date: isoDate(talk.heldOn), participants: talk.participants, deadline: isoDate(talk.rectificationDeadline) })}
                  </li>
                ))}
              </ul>
            ) : null}
            {recorded.adjustments.length ? (
              <ul className="flex flex-col gap-2" data-testid="adjustments">
                {recorded.adjustments.map((a) => (
                  <li key={a.id} className="rounded-md border p-3 text-sm">
                    {t("vitality.adjustment.recorded", { date: isoDate(a.decidedOn), decision: a.decision })}
                  </li>
                ))}
              </ul>
            ) : null}
            {mayEvaluate && c?.admonitionDue ? <AdmonitionTalkForm enrolmentId={id} participants={t("vitality.talk.participantsDefault", { party: e.partyOrganisation })} /> : null}
            {mayEvaluate && c?.chairpersonAdjustmentDue ? (
              <>
                <h3 className="text-base font-semibold">{t("vitality.adjustment.formTitle")}</h3>
                <ChairpersonAdjustmentForm enrolmentId={id} />
              </>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
      <Card>
        <CardHeader>
          <CardTitle>{t("vitality.ballot.listTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <Table label={t("vitality.ballot.listTitle")}>
            <THead>
              <TR>
                <TH>{t("vitality.ballot.meetingName")}</TH>
                <TH>{t("vitality.ballot.kind")}</TH>
                <TH>{t("vitality.ballot.status")}</TH>
                <TH>{t("vitality.result.ballot")}</TH>
              </TR>
            </THead>
            <TBody>
              {e.ballots.map((b) => (
                <TR key={b.id}>
                  <TD>
                    <Link href={`/vitality/ballots/${b.id}`} className="text-primary hover:underline">
                      {b.meetingName} {isoDate(b.meetingDate)}
                    </Link>
                  </TD>
                  <TD>{t(`vitality.ballot.kinds.${b.kind}`)}</TD>
                  <TD>{t(`vitality.ballot.statuses.${b.status}`)}</TD>
                  <TD>
                    {b.status === "CLOSED"
                      ? `${t("vitality.result.turnout", { votes: b.votes ?? 0, due: b.due, required: b.required ?? 0 })} · ${b.valid ? t("vitality.result.valid") : t("vitality.result.invalid")}`
                      : "—"}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          {can(actor, "vitality.ballot", resource) ? <CreateBallotForm enrolmentId={id} memberCount={e.memberCount} twoPlusX={e.model === "TWO_PLUS_X"} /> : null}
        </CardContent>
      </Card>
      {mayEvaluate ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("vitality.evaluation.title")}</CardTitle>
            <CardDescription>{t("vitality.evaluation.hint")}</CardDescription>
          </CardHeader>
          <CardContent>
            <HigherEvaluationForm enrolmentId={id} defaults={{ score: e.higherEvaluation?.scorePercent.toString(), party: e.higherEvaluation?.partyOrganisation ?? e.partyOrganisation }} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
