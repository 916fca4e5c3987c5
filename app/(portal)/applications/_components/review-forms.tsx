"use client";

/**
 * The action panel's forms. Which ones a page shows is decided on the server
 * by the gate (can()); the server action checks again. Each carries the application
 * version the person saw, so two people acting at once cannot both win.
 */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, ChoiceGroup, Field, SubmitButton } from "@/components/form/action-form";
import { Input, Textarea } from "@/components/ui/input";
import { ConfirmSubmit, type ConfirmLine } from "@/components/form/confirm-submit";
import { amountInCapitals } from "@/lib/money-capitals";
import { formatYuan, zYuan } from "@/lib/money";
import type { AidArticle, ApplicationStage } from "@/lib/generated/prisma/enums";
import { fastTrackAction, resubmitApplicationAction, reviewApplicationAction, submitApplicationAction, withdrawApplicationAction } from "@/app/(portal)/applications/actions";
import {
  fastTrackSchema,
  resubmitApplicationSchema,
  reviewApplicationSchema,
  submitApplicationSchema,
  withdrawApplicationSchema,
  type ReviewDecision,
} from "@/lib/applications/review-form";

type ApplicationRef = { applicationId: number; version: number };

function Hidden({ applicationId, version }: ApplicationRef) {
  return (
    <>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

export function SubmitApplicationForm({ applicationId, version, disabled }: ApplicationRef & { disabled: boolean }) {
  const t = useTranslations("applications");
  return (
    <ActionForm action={submitApplicationAction} schema={submitApplicationSchema} aria-label={t("actions.submit")}>
      <Hidden applicationId={applicationId} version={version} />
      <p className="text-sm text-muted-foreground">{t("actions.submitHint")}</p>
      <div>
        <SubmitButton disabled={disabled}>{t("actions.submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function ResubmitApplicationForm({ applicationId, version }: ApplicationRef) {
  const t = useTranslations("applications");
  return (
    <ActionForm action={resubmitApplicationAction} schema={resubmitApplicationSchema} aria-label={t("actions.resubmit")}>
      <Hidden applicationId={applicationId} version={version} />
      <Field name="note" label={t("actions.resubmitNote")}>
        {(p) => <Textarea {...p} maxLength={2000} rows={2} />}
      </Field>
      <div>
        <SubmitButton>{t("actions.resubmit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function WithdrawApplicationForm({ applicationId, version }: ApplicationRef) {
  const t = useTranslations("applications");
  return (
    <details className="rounded-md border p-3">
      <summary className="cursor-pointer text-sm font-medium">{t("actions.withdraw")}</summary>
      <ActionForm action={withdrawApplicationAction} schema={withdrawApplicationSchema} className="mt-3" aria-label={t("actions.withdraw")}>
        <Hidden applicationId={applicationId} version={version} />
        <Field name="reason" label={t("actions.withdrawReason")} required>
          {(p) => <Textarea {...p} maxLength={2000} rows={2} />}
        </Field>
        <div>
          <SubmitButton variant="destructive">{t("actions.withdrawConfirm")}</SubmitButton>
        </div>
      </ActionForm>
    </details>
  );
}

/** Amount (art. 15/16, yuan) or months (art. 17) for a proposal or a decision. */
function QuantityField({ article, label, defaultValue, maxMonths, idPrefix }: { article: AidArticle; label: string; defaultValue?: string; maxMonths: number; idPrefix: string }) {
  const t = useTranslations("applications");
  return article === "ART17" ? (
    <Field name="months" id={`${idPrefix}-months`} label={label} hint={t("review.monthsHint", { max: maxMonths })} required>
      {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={maxMonths} step={1} defaultValue={defaultValue} />}
    </Field>
  ) : (
    <Field name="amount" id={`${idPrefix}-amount`} label={label} hint={t("review.amountHint")} required>
      {(p) => <Input {...p} inputMode="decimal" maxLength={15} defaultValue={defaultValue} />}
    </Field>
  );
}

type Decision = ReviewDecision;

/** Who the decision is about, for the confirmation (number, applicant). */
type Subject = { number: string; applicant: string };

/**
 * What an approval or a rejection decides: the application, the payee, and the
 * amount in figures and capitals (art. 15/16) or the months (art. 17), as typed.
 */
function useDecisionLines(subject: Subject, article: AidArticle, decision: "APPROVE" | "REJECT") {
  const tc = useTranslations("confirm");
  return (data: FormData | null): ConfirmLine[] => {
    const lines: ConfirmLine[] = [
      { label: tc("application"), value: subject.number },
      { label: tc("payee"), value: subject.applicant, testId: "confirm-payee" },
    ];
    if (decision === "REJECT") return [...lines, { label: tc("decision"), value: tc("reject") }];
    if (article === "ART17") {
      const months = String(data?.get("months") ?? "").trim();
      return months ? [...lines, { label: tc("months"), value: tc("monthsValue", { months }) }] : lines;
    }
    const parsed = zYuan.safeParse(data?.get("amount"));
    if (!parsed.success) return lines;
    return [
      ...lines,
      { label: tc("amount"), value: tc("yuan", { amount: formatYuan(parsed.data) }), testId: "confirm-amount" },
      { label: tc("capitals"), value: amountInCapitals(parsed.data), testId: "confirm-capitals" },
    ];
  };
}

function DecisionChoice({ options, value, onChange }: { options: Decision[]; value: Decision; onChange: (d: Decision) => void }) {
  const t = useTranslations("applications");
  return (
    <ChoiceGroup name="decision" legend={t("review.decision")}>
      {(p) => (
        <div className="flex flex-wrap gap-2">
          {options.map((d) => (
            <label key={d} className="flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
              <input type="radio" {...p} value={d} checked={value === d} onChange={() => onChange(d)} className="size-4" />
              {t(`review.decisions.${d}`)}
            </label>
          ))}
        </div>
      )}
    </ChoiceGroup>
  );
}

/**
 * The reviewer's step at `stage` (art. 18): forward (grassroots opinion; district verification;
 * office preliminary opinion with a proposed amount), approve (leading group), return or reject.
 */
export function ReviewForm({
  applicationId,
  version,
  stage,
  article,
  options,
  forwardRecords,
  proposed,
  maxMonths,
  subject,
}: ApplicationRef & {
  stage: ApplicationStage;
  article: AidArticle;
  options: Decision[];
  /** the feature hooks a FORWARD records at this step (ART18_CHAIN: "verification" 18.2, "proposal" 18.3) */
  forwardRecords: readonly string[];
  proposed?: string;
  maxMonths: number;
  subject: Subject;
}) {
  const t = useTranslations("applications");
  const tc = useTranslations("confirm");
  const [decision, setDecision] = useState<Decision>(options[0]!);
  const final = decision === "APPROVE" || decision === "REJECT";
  const approveLines = useDecisionLines(subject, article, "APPROVE");
  const rejectLines = useDecisionLines(subject, article, "REJECT");
  return (
    <ActionForm action={reviewApplicationAction} schema={reviewApplicationSchema} aria-label={t(`review.title.${stage}`)}>
      <Hidden applicationId={applicationId} version={version} />
      <input type="hidden" name="stage" value={stage} />
      <p className="text-sm text-muted-foreground">{t(`review.basis.${stage}`)}</p>
      <DecisionChoice options={options} value={decision} onChange={setDecision} />
      {decision === "FORWARD" && forwardRecords.includes("verification") ? (
        <>
          <Field name="verificationFindings" label={t("review.verificationFindings")} hint={t("review.verificationHint")} required>
            {(p) => <Textarea {...p} maxLength={4000} rows={4} />}
          </Field>
          <Field name="verifiedOn" label={t("review.verifiedOn")} required>
            {(p) => <Input {...p} type="date" />}
          </Field>
        </>
      ) : null}
      {decision === "FORWARD" && forwardRecords.includes("proposal") ? <QuantityField idPrefix="review" article={article} label={t("review.proposed")} defaultValue={proposed} maxMonths={maxMonths} /> : null}
      {decision === "APPROVE" ? <QuantityField idPrefix="review" article={article} label={t("review.approved")} defaultValue={proposed} maxMonths={maxMonths} /> : null}
      <Field name="opinion" label={decision === "RETURN" || decision === "REJECT" ? t("review.reasons") : t(`review.opinion.${stage}`)} required>
        {(p) => <Textarea {...p} maxLength={4000} rows={4} />}
      </Field>
      {final || options.some((o) => o === "APPROVE" || o === "REJECT") ? (
        // Approving and rejecting are final: confirmed first (without JavaScript: a checkbox the schema requires for them).
        <ConfirmSubmit
          label={t(`review.submit.${decision}`)}
          needed={final}
          variant={decision === "REJECT" ? "destructive" : "default"}
          title={decision === "REJECT" ? tc("rejectTitle") : tc("approveTitle")}
          confirmLabel={decision === "REJECT" ? tc("rejectConfirm") : tc("approveConfirm")}
          lines={decision === "REJECT" ? rejectLines : approveLines}
          consequence={decision === "REJECT" ? tc("rejectConsequence") : tc("approveConsequence")}
        />
      ) : (
        <div>
          <SubmitButton>{t(`review.submit.${decision}`)}</SubmitButton>
        </div>
      )}
    </ActionForm>
  );
}

/** 18.3 特殊情况可直接由各级主席办公会议审定批准. */
export function FastTrackForm({
  applicationId,
  version,
  stage,
  article,
  proposed,
  maxMonths,
  subject,
}: ApplicationRef & { stage: ApplicationStage; article: AidArticle; proposed?: string; maxMonths: number; subject: Subject }) {
  const t = useTranslations("applications");
  const tc = useTranslations("confirm");
  const lines = useDecisionLines(subject, article, "APPROVE");
  return (
    <ActionForm action={fastTrackAction} schema={fastTrackSchema} aria-label={t("fastTrack.title")}>
      <Hidden applicationId={applicationId} version={version} />
      <input type="hidden" name="stage" value={stage} />
      <p className="text-sm text-muted-foreground">{t("fastTrack.basis")}</p>
      <QuantityField idPrefix="fast-track" article={article} label={t("review.approved")} defaultValue={proposed} maxMonths={maxMonths} />
      <Field name="opinion" id="fast-track-opinion" label={t("fastTrack.opinion")} hint={t("fastTrack.opinionHint")} required>
        {(p) => <Textarea {...p} maxLength={4000} rows={3} />}
      </Field>
      <ConfirmSubmit label={t("fastTrack.submit")} title={tc("approveTitle")} confirmLabel={tc("approveConfirm")} lines={lines} consequence={tc("approveConsequence")} />
    </ActionForm>
  );
}
