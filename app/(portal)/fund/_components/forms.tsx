"use client";

/**
 * Forms of the rights protection fund, each bound to a guarded server action
 * (app/(portal)/fund/actions.ts). Messages come from the server in the user's
 * language; a success is shown as the portal's flash banner (the form's row
 * may be gone from the re-rendered page: a paid payable, an opened year).
 */
import { useTranslations } from "next-intl";
import { DEFAULT_PAYMENT_METHOD, PAYMENT_METHODS, paymentMethodLabel } from "@/lib/ledger/methods";
import { FIRST_FUND_YEAR } from "@/lib/fund/kind";
import { MAX_FUND_YEAR } from "@/lib/ledger/rules/years";
import { ActionForm, ChoiceGroup, Field, SubmitButton } from "@/components/form/action-form";
import { FormDialog, FormDialogFooter } from "@/components/form/form-dialog";
import { ConfirmSubmit, type ConfirmLine } from "@/components/form/confirm-submit";
import { amountInCapitals } from "@/lib/money-capitals";
import { formatYuan } from "@/lib/money";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { z } from "zod";
import type { ServerAction } from "@/lib/server/action";
import { createRequestAction, decideRequestAction, openYearAction, payAction, reopenAction, reverseAction, settleAction } from "@/app/(portal)/fund/actions";
import { createRequestSchema, decideRequestSchema, openYearSchema, paySchema, reopenSchema, reverseSchema, settleSchema } from "@/lib/fund/forms";

/** A form acting on one fund-year: the fund and year as hidden fields, optional fields, one submit. */
function FundYearForm<D>({
  action,
  schema,
  fundId,
  year,
  label,
  submit,
  children,
  footer,
}: {
  action: ServerAction<D>;
  schema: z.ZodType;
  fundId: number;
  year: number;
  label: string;
  submit: React.ComponentProps<typeof SubmitButton>;
  children?: React.ReactNode;
  /** replaces the plain submit button (a confirmation) */
  footer?: React.ReactNode;
}) {
  return (
    <ActionForm action={action} schema={schema} aria-label={label}>
      <input type="hidden" name="fundId" value={fundId} />
      <input type="hidden" name="year" value={year} />
      {children}
      {footer ?? (
        <div>
          <SubmitButton {...submit}>{label}</SubmitButton>
        </div>
      )}
    </ActionForm>
  );
}

/** Open a year: posts its appropriation (第十一条、第十三条). */
export function OpenYearForm({ fundId, year }: { fundId: number; year: number }) {
  const t = useTranslations("fund");
  return <FundYearForm action={openYearAction} schema={openYearSchema} fundId={fundId} year={year} label={t("years.open", { year })} submit={{}} />;
}

/** Pay one payable (第十五至十七条); the hidden version makes a replay idempotent. */
export function PayForm({
  payableId,
  version,
  today,
  label,
  amount,
  payee,
  fundName,
  applicationNumber,
}: {
  payableId: number;
  version: number;
  today: string;
  label: string;
  /** the payable's amount in yuan ("2400.00") */
  amount: string;
  payee: string;
  fundName: string;
  applicationNumber: string;
}) {
  const t = useTranslations("fund.pay");
  const tf = useTranslations("fund");
  const tc = useTranslations("confirm");
  const lines = (data: FormData | null): ConfirmLine[] => [
    { label: tc("application"), value: applicationNumber },
    { label: tc("amount"), value: tc("yuan", { amount: formatYuan(amount) }), testId: "confirm-amount" },
    { label: tc("capitals"), value: amountInCapitals(amount), testId: "confirm-capitals" },
    { label: tc("payee"), value: payee, testId: "confirm-payee" },
    { label: tc("fund"), value: fundName, testId: "confirm-fund" },
    { label: tc("paidOn"), value: String(data?.get("paidOn") ?? today) },
  ];
  return (
    <ActionForm action={payAction} schema={paySchema} className="grid gap-3 sm:grid-cols-[10rem_9rem_1fr] sm:items-start" aria-label={label}>
      <input type="hidden" name="payableId" value={payableId} />
      <input type="hidden" name="payableVersion" value={version} />
      <Field name="paidOn" label={t("paidOn")} required>
        {(p) => <Input {...p} type="date" defaultValue={today} />}
      </Field>
      <Field name="method" label={t("method")} required>
        {(p) => (
          <Select {...p} defaultValue={DEFAULT_PAYMENT_METHOD}>
            {PAYMENT_METHODS.map((m) => (
              <option key={m} value={m}>
                {paymentMethodLabel(m, tf)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="reference" label={t("reference")} hint={t("referenceHint")}>
        {(p) => <Input {...p} maxLength={100} autoComplete="off" />}
      </Field>
      <div className="sm:col-span-4">
        <ConfirmSubmit label={t("submit")} title={tc("payTitle")} confirmLabel={tc("payConfirm")} lines={lines} consequence={tc("payConsequence")} pendingText={t("submitting")} />
      </div>
    </ActionForm>
  );
}

export type FundOption = { fundId: number; name: string; isTop: boolean };

/** Request a top-up appropriation or a subsidy from the upper union (第十一条). */
export function RequestForm({
  funds,
  defaults,
}: {
  funds: FundOption[];
  defaults: { fundId?: number; year: number; kind?: "TOP_UP" | "SUBSIDY"; amount?: string };
}) {
  const t = useTranslations("fund.requests");
  return (
    <ActionForm action={createRequestAction} schema={createRequestSchema} resetOnSuccess className="grid gap-4 sm:grid-cols-2" aria-label={t("newTitle")}>
      <Field name="fundId" label={t("fund")} required>
        {(p) => (
          <Select {...p} defaultValue={defaults.fundId ?? funds[0]?.fundId}>
            {funds.map((f) => (
              <option key={f.fundId} value={f.fundId}>
                {f.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="year" label={t("year")} required>
        {(p) => <Input {...p} type="number" inputMode="numeric" min={FIRST_FUND_YEAR} max={MAX_FUND_YEAR} defaultValue={defaults.year} />}
      </Field>
      <Field name="kind" label={t("kind")} required>
        {(p) => (
          <Select {...p} defaultValue={defaults.kind ?? "TOP_UP"}>
            <option value="TOP_UP">{t("kinds.TOP_UP")}</option>
            <option value="SUBSIDY">{t("kinds.SUBSIDY")}</option>
          </Select>
        )}
      </Field>
      <Field name="amount" label={t("amount")} required>
        {(p) => <Input {...p} inputMode="decimal" defaultValue={defaults.amount} maxLength={15} />}
      </Field>
      <Field name="reason" label={t("reason")} required className="sm:col-span-2">
        {(p) => <Textarea {...p} maxLength={2000} rows={3} />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton>{t("submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Approve (post) or reject a pending request. */
export function DecideForm({ requestId, amount, fundName }: { requestId: number; amount: string; fundName: string }) {
  const t = useTranslations("fund.requests");
  const tc = useTranslations("confirm");
  const lines = (data: FormData | null): ConfirmLine[] => [
    ...(data ? [{ label: tc("decision"), value: data.get("decision") === "approve" ? tc("approve") : tc("reject") }] : []),
    { label: tc("amount"), value: tc("yuan", { amount: formatYuan(amount) }), testId: "confirm-amount" },
    { label: tc("capitals"), value: amountInCapitals(amount), testId: "confirm-capitals" },
    { label: tc("fund"), value: fundName },
  ];
  return (
    <ActionForm action={decideRequestAction} schema={decideRequestSchema} className="grid gap-3 sm:grid-cols-2" aria-label={t("decideLabel", { id: requestId })}>
      <input type="hidden" name="requestId" value={requestId} />
      <DecisionField />
      <Field name="note" label={t("note")} hint={t("noteHint")} required>
        {(p) => <Input {...p} maxLength={2000} />}
      </Field>
      <Field name="postedOn" label={t("postedOn")} hint={t("postedOnHint")}>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <div className="sm:col-span-2">
        <ConfirmSubmit label={t("submitDecision")} title={tc("decideTitle")} confirmLabel={tc("decideConfirm")} lines={lines} consequence={tc("decideConsequence")} />
      </div>
    </ActionForm>
  );
}

function DecisionField() {
  const t = useTranslations("fund.requests");
  return (
    <ChoiceGroup name="decision" legend={t("decision")} required className="sm:col-span-2">
      {(p) => (
        <div className="flex flex-wrap gap-4">
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" {...p} value="approve" className="size-4" />
            {t("approve")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" {...p} value="reject" className="size-4" />
            {t("reject")}
          </label>
        </div>
      )}
    </ChoiceGroup>
  );
}

/** Settle the year (第十四条). */
export function SettleForm({ fundId, year, disabled, fundName }: { fundId: number; year: number; disabled: boolean; fundName: string }) {
  const t = useTranslations("fund.settlement");
  const tc = useTranslations("confirm");
  const label = t("settle", { year });
  const lines = (): ConfirmLine[] => [
    { label: tc("fund"), value: fundName },
    { label: tc("year"), value: String(year) },
  ];
  return (
    <FundYearForm
      action={settleAction}
      schema={settleSchema}
      fundId={fundId}
      year={year}
      label={label}
      submit={{ disabled }}
      footer={<ConfirmSubmit label={label} title={tc("settleTitle")} confirmLabel={tc("settleConfirm")} lines={lines} consequence={tc("settleConsequence")} disabled={disabled} />}
    />
  );
}

/** Reopen a settled year, with a reason (audited). */
export function ReopenForm({ fundId, year, fundName }: { fundId: number; year: number; fundName: string }) {
  const t = useTranslations("fund.settlement");
  const tc = useTranslations("confirm");
  const label = t("reopen", { year });
  const lines = (data: FormData | null): ConfirmLine[] => [
    { label: tc("fund"), value: fundName },
    { label: tc("year"), value: String(year) },
    ...(data ? [{ label: tc("reason"), value: String(data.get("reason") ?? "") }] : []),
  ];
  return (
    <FundYearForm
      action={reopenAction}
      schema={reopenSchema}
      fundId={fundId}
      year={year}
      label={label}
      submit={{ variant: "outline" }}
      footer={<ConfirmSubmit label={label} title={tc("reopenTitle")} confirmLabel={tc("reopenConfirm")} lines={lines} consequence={tc("reopenConsequence")} variant="outline" />}
    >
      <Field name="reason" label={t("reason")} required>
        {(p) => <Input {...p} maxLength={400} />}
      </Field>
    </FundYearForm>
  );
}

/** Reverse one entry (dialog with the reason). */
export function ReverseDialog({ entryId, seq }: { entryId: string; seq: number }) {
  const t = useTranslations("fund.entries");
  const tc = useTranslations("common");
  return (
    <FormDialog triggerLabel={t("reverse")} triggerAriaLabel={t("reverseTitle", { seq })} title={t("reverseTitle", { seq })} description={t("reverseHint")}>
      {(close) => (
        <ActionForm action={reverseAction} schema={reverseSchema} onSuccess={close}>
          <input type="hidden" name="entryId" value={entryId} />
          <Field name="reason" label={t("reason")} required>
            {(p) => <Input {...p} maxLength={300} />}
          </Field>
          <FormDialogFooter cancelLabel={tc("cancel")}>
            <SubmitButton variant="destructive">{t("reverse")}</SubmitButton>
          </FormDialogFooter>
        </ActionForm>
      )}
    </FormDialog>
  );
}
