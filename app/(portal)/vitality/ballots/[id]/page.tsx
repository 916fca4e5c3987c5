/**
 * A members' ballot (《实施方案》四.2 无记名投票): settings, the slip sheet, opening and closing, paper totals,
 * the result after closing (never before), rerun of an invalid ballot.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/authz";
import { isoDate } from "@/lib/dates";
import { guardPage } from "@/lib/server/action";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { maxCodes, type Tally } from "@/lib/vitality/ballots";
import { ballotPageData, ballotResource } from "@/lib/vitality/queries";
import { CloseBallotForm, IssueCodesForm, OpenBallotForm, PaperTotalsForm, RerunForm } from "../../_components/ballot-forms";

export const dynamic = "force-dynamic";

export default async function BallotPage({ params }: { params: Promise<{ id: string }> }) {
  const { id: raw } = await params;
  const id = /^\d{1,9}$/.test(raw) ? Number(raw) : null;
  if (!id) notFound();
  const actor = await guardPage("vitality.view", () => ballotResource(id));
  const t = await getTranslations();
  const { ballot: b, result } = await ballotPageData(id);
  const manage = can(actor, "vitality.ballot", { type: "vitalityUnit", id: b.enrolment.id, orgPath: b.enrolment.organization.path });
  return (
    <div className="flex flex-col gap-6">
      <div>
        <p className="text-sm">
          <Link href={`/vitality/${b.enrolment.id}`} className="text-primary hover:underline">
            {b.enrolment.organization.name} · {b.enrolment.year}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {b.meetingName} {isoDate(b.meetingDate)}
        </h1>
        <p className="text-sm text-muted-foreground" data-testid="ballot-status">
          {t(`vitality.ballot.kinds.${b.kind}`)} · {t(`vitality.ballot.statuses.${b.status}`)} · {t("vitality.ballot.dueValue", { due: b.due })} · {t("vitality.ballot.codesIssuedValue", { count: b.codesIssued })}
        </p>
        <p className="text-xs text-muted-foreground">{t("vitality.ballot.rule", { policy: b.policy.title })}</p>
      </div>
      {b.status === "OPEN" ? <Alert tone="info">{t("vitality.ballot.secrecyWhileOpen")}</Alert> : null}
      {b.status === "OPEN" && b.kind === "ONLINE" ? (
        <p className="text-sm">
          {t("vitality.ballot.memberLink")}{" "}
          <a href={`/ballot/${b.publicKey}`} className="break-all text-primary hover:underline" data-testid="member-link">
            /ballot/{b.publicKey}
          </a>
        </p>
      ) : null}
      {manage && b.kind === "ONLINE" && b.status !== "CLOSED" ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("vitality.ballot.slipSheet")}</CardTitle>
          </CardHeader>
          <CardContent>
            <IssueCodesForm ballotId={id} suggested={Math.max(1, Math.min(maxCodes(b.due) - b.codesIssued, b.codesIssued === 0 ? b.due : 5))} />
          </CardContent>
        </Card>
      ) : null}
      {manage && b.kind === "ONLINE" && b.status === "DRAFT" ? <OpenBallotForm ballotId={id} /> : null}
      {manage && b.status === "OPEN" ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("vitality.ballot.close")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CloseBallotForm ballotId={id} />
          </CardContent>
        </Card>
      ) : null}
      {manage && b.kind === "PAPER" && b.status !== "CLOSED" ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("vitality.ballot.paperTitle")}</CardTitle>
          </CardHeader>
          <CardContent>
            <PaperTotalsForm ballotId={id} items={b.items} />
          </CardContent>
        </Card>
      ) : null}
      {result ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("vitality.ballot.resultTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <Alert tone={result.valid ? "success" : "error"} data-testid="ballot-validity">
              {result.valid ? t("vitality.ballot.validText", { votes: result.votes, due: result.due, required: result.required }) : t("vitality.ballot.invalidText", { votes: result.votes, due: result.due, required: result.required })}
            </Alert>
            <Table label={t("vitality.ballot.resultTitle")}>
              <THead>
                <TR>
                  <TH>{t("vitality.ballot.items")}</TH>
                  <TH>{t("vitality.answers.SATISFIED")}</TH>
                  <TH>{t("vitality.answers.BASIC")}</TH>
                  <TH>{t("vitality.answers.DISSATISFIED")}</TH>
                </TR>
              </THead>
              <TBody>
                {result.items.map((item, i) => (
                  <TR key={item}>
                    <TD>{t(`vitality.items.${item}`)}</TD>
                    {(result.tally as Tally)[i]!.map((n, k) => (
                      <TD key={k}>{n}</TD>
                    ))}
                  </TR>
                ))}
              </TBody>
            </Table>
            {result.tellerName ? <p className="text-sm">{t("vitality.ballot.tellers", { teller: result.tellerName, scrutineer: result.scrutineerName ?? "" })}</p> : null}
            {b.rerun ? (
              <Link href={`/vitality/ballots/${b.rerun.id}`} className="text-sm text-primary hover:underline">
                {t("vitality.ballot.rerunLink")}
              </Link>
            ) : manage && !result.valid ? (
              <RerunForm ballotId={id} />
            ) : null}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
