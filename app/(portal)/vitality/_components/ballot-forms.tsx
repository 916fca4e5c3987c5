"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton, useActionFormState } from "@/components/form/action-form";
import { Input } from "@/components/ui/input";
import { PrintButton } from "@/components/ui/print-button";
import { closeBallotAction, issueCodesAction, openBallotAction, paperTotalsAction, rerunBallotAction } from "../actions";

/** The sheet of cut-out slips, each with its QR code and code (shown once: only hashes are stored). */
function SlipSheet() {
  const t = useTranslations("vitality.ballot");
  const state = useActionFormState() as { ok: boolean; data?: { code: string; svg: string }[] } | undefined;
  if (!state?.ok || !state.data) return null;
  return (
    <section className="flex flex-col gap-3" aria-label={t("slipSheet")}>
      <div className="flex items-center gap-3 print:hidden">
        <PrintButton label={t("printSlips")} />
        <p className="text-sm text-muted-foreground">{t("slipsOnce", { count: state.data.length })}</p>
      </div>
      <ol className="grid grid-cols-3 gap-0 print:grid-cols-3" data-testid="slip-sheet">
        {state.data.map((slip) => (
          <li key={slip.code} className="flex break-inside-avoid flex-col items-center gap-1 border border-dashed p-3 text-center" data-testid="slip">
            <span className="text-xs">{t("slipTitle")}</span>
            <span className="size-28" aria-hidden="true" dangerouslySetInnerHTML={{ __html: slip.svg }} />
            <span className="font-mono text-sm tracking-wider" data-testid="slip-code">
              {slip.code}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function IssueCodesForm({ ballotId, suggested }: { ballotId: number; suggested: number }) {
  const t = useTranslations("vitality.ballot");
  return (
    <ActionForm action={issueCodesAction} aria-label={t("issueCodes")}>
      <input type="hidden" name="ballotId" value={ballotId} />
      <div className="flex flex-wrap items-end gap-3 print:hidden">
        <Field name="count" label={t("codeCount")} required hint={t("codeCountHint")}>
          {(p) => <Input {...p} inputMode="numeric" maxLength={6} defaultValue={String(suggested)} />}
        </Field>
        <SubmitButton>{t("issueCodes")}</SubmitButton>
      </div>
      <SlipSheet />
    </ActionForm>
  );
}

export function OpenBallotForm({ ballotId }: { ballotId: number }) {
  const t = useTranslations("vitality.ballot");
  return (
    <ActionForm action={openBallotAction} aria-label={t("open")}>
      <input type="hidden" name="ballotId" value={ballotId} />
      <p className="text-sm text-muted-foreground">{t("openHint")}</p>
      <div>
        <SubmitButton>{t("open")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function CloseBallotForm({ ballotId }: { ballotId: number }) {
  const t = useTranslations("vitality.ballot");
  return (
    <ActionForm action={closeBallotAction} className="grid gap-4 sm:grid-cols-3" aria-label={t("close")}>
      <input type="hidden" name="ballotId" value={ballotId} />
      <Field name="present" label={t("present")}>
        {(p) => <Input {...p} inputMode="numeric" maxLength={6} />}
      </Field>
      <Field name="slipsHandedOut" label={t("slipsHandedOut")}>
        {(p) => <Input {...p} inputMode="numeric" maxLength={6} />}
      </Field>
      <Field name="slipsReturned" label={t("slipsReturned")}>
        {(p) => <Input {...p} inputMode="numeric" maxLength={6} />}
      </Field>
      <div className="sm:col-span-3">
        <SubmitButton>{t("close")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function PaperTotalsForm({ ballotId, items }: { ballotId: number; items: string[] }) {
  const t = useTranslations("vitality");
  return (
    <ActionForm action={paperTotalsAction} className="flex flex-col gap-4" aria-label={t("ballot.paperTitle")}>
      <input type="hidden" name="ballotId" value={ballotId} />
      <input type="hidden" name="items" value={items.length} />
      {items.map((item, i) => (
        <fieldset key={item} className="grid gap-3 rounded-md border p-3 sm:grid-cols-3">
          <legend className="px-1 text-sm font-medium">{t(`items.${item}`)}</legend>
          {(["s", "b", "d"] as const).map((prefix, k) => (
            <Field key={prefix} name={`${prefix}${i}`} label={t(`answers.${["SATISFIED", "BASIC", "DISSATISFIED"][k]}`)} required>
              {(p) => <Input {...p} inputMode="numeric" maxLength={6} />}
            </Field>
          ))}
        </fieldset>
      ))}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="tellerName" label={t("ballot.teller")} required>
          {(p) => <Input {...p} maxLength={60} />}
        </Field>
        <Field name="scrutineerName" label={t("ballot.scrutineer")} required>
          {(p) => <Input {...p} maxLength={60} />}
        </Field>
        <Field name="present" label={t("ballot.present")}>
          {(p) => <Input {...p} inputMode="numeric" maxLength={6} />}
        </Field>
        <Field name="slipsHandedOut" label={t("ballot.slipsHandedOut")}>
          {(p) => <Input {...p} inputMode="numeric" maxLength={6} />}
        </Field>
      </div>
      <div>
        <SubmitButton>{t("ballot.paperSubmit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RerunForm({ ballotId }: { ballotId: number }) {
  const t = useTranslations("vitality.ballot");
  return (
    <ActionForm action={rerunBallotAction} className="flex flex-wrap items-end gap-3" aria-label={t("rerun")}>
      <input type="hidden" name="ballotId" value={ballotId} />
      <Field name="meetingDate" label={t("meetingDate")} required>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <SubmitButton>{t("rerun")}</SubmitButton>
    </ActionForm>
  );
}
