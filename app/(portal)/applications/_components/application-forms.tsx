"use client";

/**
 * Evidence upload, protective measures (art. 6–10) and re-employment (art. 17)
 * forms of the application page. The server decides whether each is shown (can())
 * and checks everything again; these only collect input.
 */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { Alert } from "@/components/ui/alert";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { MeasureKind } from "@/lib/generated/prisma/enums";
import {
  addMeasureAction,
  closeMeasureAction,
  recordReemploymentAction,
  removeEvidenceAction,
  uploadEvidenceAction,
  uploadReviewEvidenceAction,
} from "@/app/(portal)/applications/actions";
import { closeMeasureSchema, evidenceSchema, reemploymentSchema, removeEvidenceSchema } from "@/lib/applications/review-form";
import { newMeasureSchema } from "@/lib/applications/measures";

const ACCEPT = "application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png";

/** Evidence upload (PDF/JPG/PNG up to `maxBytes`); as the applicant or as the reviewer of the current stage. */
export function EvidenceUpload({ applicationId, as, maxBytes }: { applicationId: number; as: "applicant" | "reviewer"; maxBytes: number }) {
  const t = useTranslations("applications");
  const [tooBig, setTooBig] = useState(false);
  const maxMb = Math.floor((maxBytes / 1024 / 1024) * 10) / 10;
  return (
    <ActionForm action={as === "applicant" ? uploadEvidenceAction : uploadReviewEvidenceAction} schema={evidenceSchema} resetOnSuccess aria-label={t("attachments.upload")}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field name="file" label={t("attachments.file")} hint={t("attachments.hint", { maxMb })} required>
        {(p) => (
          <Input
            {...p}
            type="file"
            accept={ACCEPT}
            className="h-auto py-1.5"
            onChange={(e) => setTooBig((e.currentTarget.files?.[0]?.size ?? 0) > maxBytes)}
          />
        )}
      </Field>
      {tooBig ? (
        <Alert tone="error" data-testid="file-too-big">
          {t("attachments.tooBig", { maxMb })}
        </Alert>
      ) : null}
      <div>
        <SubmitButton variant="outline" disabled={tooBig}>
          {t("attachments.upload")}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RemoveEvidenceButton({ attachmentId, name }: { attachmentId: string; name: string }) {
  const t = useTranslations("applications");
  return (
    <ActionForm action={removeEvidenceAction} schema={removeEvidenceSchema} className="gap-1">
      <input type="hidden" name="attachmentId" value={attachmentId} />
      <SubmitButton size="sm" variant="ghost" aria-label={`${t("attachments.remove")} ${name}`}>
        {t("attachments.remove")}
      </SubmitButton>
    </ActionForm>
  );
}

const KINDS: MeasureKind[] = ["ART6_OPINION_LETTER", "ART7_LABOUR_AUTHORITY", "ART8_TRANSFER_CORRECTION", "ART9_REEMPLOYMENT", "ART10_LEGAL_AID"];

/** Kind-specific fields of a new measure (lib/applications/measures.ts MEASURE_DETAILS). */
function MeasureFields({ kind }: { kind: MeasureKind }) {
  const t = useTranslations("applications.measures");
  const [remedy, setRemedy] = useState("REINSTATEMENT");
  const [mode, setMode] = useState("VOLUNTEER_LAWYER");
  const text = (name: string, max: number, required = true, rows = 0) => (
    <Field key={name} name={name} label={t(`fields.${name}`)} required={required}>
      {(p) => (rows ? <Textarea {...p} maxLength={max} rows={rows} /> : <Input {...p} maxLength={max} />)}
    </Field>
  );
  switch (kind) {
    case "ART6_OPINION_LETTER":
      return (
        <>
          {text("letterNumber", 40)}
          {text("unitName", 120)}
          {text("violation", 1000, true, 3)}
          {text("requirement", 1000, true, 3)}
        </>
      );
    case "ART7_LABOUR_AUTHORITY":
      return (
        <>
          {text("authority", 120)}
          <Field name="remedy" label={t("fields.remedy")} required>
            {(p) => (
              <Select {...p} value={remedy} onChange={(e) => setRemedy(e.target.value)}>
                <option value="REINSTATEMENT">{t("remedy.REINSTATEMENT")}</option>
                <option value="COMPENSATION">{t("remedy.COMPENSATION")}</option>
              </Select>
            )}
          </Field>
          {remedy === "COMPENSATION" ? (
            <Field name="annualIncome" label={t("fields.annualIncome")} hint={t("compensationHint")} required>
              {(p) => <Input {...p} inputMode="decimal" maxLength={15} />}
            </Field>
          ) : null}
        </>
      );
    case "ART8_TRANSFER_CORRECTION":
      return (
        <>
          {text("authority", 120)}
          {text("originalPost", 100)}
          {text("transferredTo", 100)}
        </>
      );
    case "ART9_REEMPLOYMENT":
      return (
        <>
          {text("agency", 120)}
          {text("placement", 200, false)}
        </>
      );
    case "ART10_LEGAL_AID":
      return (
        <>
          <Field name="mode" label={t("fields.mode")} required>
            {(p) => (
              <Select {...p} value={mode} onChange={(e) => setMode(e.target.value)}>
                <option value="VOLUNTEER_LAWYER">{t("mode.VOLUNTEER_LAWYER")}</option>
                <option value="LITIGATION_COSTS">{t("mode.LITIGATION_COSTS")}</option>
              </Select>
            )}
          </Field>
          {text("disputeCaseNumber", 60)}
          {mode === "VOLUNTEER_LAWYER" ? (
            text("lawyerName", 60)
          ) : (
            <Field name="litigationCosts" label={t("fields.litigationCosts")} required>
              {(p) => <Input {...p} inputMode="decimal" maxLength={15} />}
            </Field>
          )}
        </>
      );
  }
}

/** Record a protective measure (art. 6–10) on an application. */
export function MeasureForm({ applicationId, today }: { applicationId: number; today: string }) {
  const t = useTranslations("applications.measures");
  const [kind, setKind] = useState<MeasureKind>("ART6_OPINION_LETTER");
  return (
    <ActionForm action={addMeasureAction} schema={newMeasureSchema} resetOnSuccess className="grid gap-4 sm:grid-cols-2" aria-label={t("add")}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <Field name="kind" label={t("kind")} required className="sm:col-span-2">
        {(p) => (
          <Select {...p} value={kind} onChange={(e) => setKind(e.target.value as MeasureKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <p className="text-xs text-muted-foreground sm:col-span-2">{t(`basis.${kind}`)}</p>
      <Field name="startedOn" label={t("fields.startedOn")} required>
        {(p) => <Input {...p} type="date" defaultValue={today} />}
      </Field>
      <Field name="dueOn" label={kind === "ART6_OPINION_LETTER" ? t("fields.rectifyBy") : t("fields.dueOn")} required={kind === "ART6_OPINION_LETTER"}>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <MeasureFields key={kind} kind={kind} />
      <Field name="note" label={t("fields.note")} className="sm:col-span-2">
        {(p) => <Textarea {...p} maxLength={2000} rows={2} />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton>{t("add")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Close an open measure with its outcome (DONE) or as cancelled. */
export function CloseMeasureForm({ measureId, version, today }: { measureId: number; version: number; today: string }) {
  const t = useTranslations("applications.measures");
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm text-primary">{t("close")}</summary>
      <ActionForm action={closeMeasureAction} schema={closeMeasureSchema} className="mt-2" aria-label={t("close")}>
        <input type="hidden" name="measureId" value={measureId} />
        <input type="hidden" name="version" value={version} />
        <Field name="status" id={`measure-${measureId}-status`} label={t("closeAs")} required>
          {(p) => (
            <Select {...p} defaultValue="DONE">
              <option value="DONE">{t("status.DONE")}</option>
              <option value="CANCELLED">{t("status.CANCELLED")}</option>
            </Select>
          )}
        </Field>
        <Field name="completedOn" id={`measure-${measureId}-completedOn`} label={t("fields.completedOn")} required>
          {(p) => <Input {...p} type="date" defaultValue={today} />}
        </Field>
        <Field name="outcome" id={`measure-${measureId}-outcome`} label={t("fields.outcome")} required>
          {(p) => <Textarea {...p} maxLength={2000} rows={2} />}
        </Field>
        <div>
          <SubmitButton size="sm">{t("closeSubmit")}</SubmitButton>
        </div>
      </ActionForm>
    </details>
  );
}

/** Art. 17 "至重新领薪或工作为止": the day the cadre was re-employed or paid again. */
export function ReemploymentForm({ applicationId, version }: { applicationId: number; version: number }) {
  const t = useTranslations("applications.payables");
  return (
    <ActionForm action={recordReemploymentAction} schema={reemploymentSchema} aria-label={t("reemployment")}>
      <input type="hidden" name="applicationId" value={applicationId} />
      <input type="hidden" name="version" value={version} />
      <p className="text-xs text-muted-foreground">{t("reemploymentHint")}</p>
      <Field name="reemployedOn" label={t("reemployedOn")} required>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <div>
        <SubmitButton variant="outline">{t("recordReemployment")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
