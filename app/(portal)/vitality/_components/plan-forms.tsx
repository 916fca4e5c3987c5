"use client";

/**
 * Forms of the plan (《实施方案》四.1) and the 双述 report (四.2). Each is an ActionForm: a plain POST before hydration,
 * field messages next to the fields.
 */
import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { Input, Select, Textarea } from "@/components/ui/input";
import { publishPlanAction, reportReceiptAction, saveDualReportAction, savePlanAction } from "../actions";

export type PlanRowDefaults = { title?: string; status?: string | null; goal?: string; measures?: string | null; timeFrame?: string | null };

function PlanRow({ row, legend, basic, defaults }: { row: string; legend: string; basic: boolean; defaults?: PlanRowDefaults }) {
  const t = useTranslations("vitality.plan");
  return (
    <fieldset className="grid gap-3 rounded-md border p-4 sm:grid-cols-2">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      {basic ? <input type="hidden" name="systems" value={row} /> : null}
      <Field name={`title_${row}`} label={t("itemTitle")} required={basic}>
        {(p) => <Input {...p} maxLength={120} defaultValue={defaults?.title ?? ""} />}
      </Field>
      <Field name={`timeFrame_${row}`} label={t("timeFrame")}>
        {(p) => <Input {...p} maxLength={120} defaultValue={defaults?.timeFrame ?? ""} />}
      </Field>
      {basic ? (
        <Field name={`status_${row}`} label={t("status")} className="sm:col-span-2" hint={t("statusHint")}>
          {(p) => <Textarea {...p} rows={2} maxLength={1000} defaultValue={defaults?.status ?? ""} />}
        </Field>
      ) : null}
      <Field name={`goal_${row}`} label={t("goal")} required={basic} className="sm:col-span-2">
        {(p) => <Textarea {...p} rows={2} maxLength={1000} defaultValue={defaults?.goal ?? ""} />}
      </Field>
      <Field name={`measures_${row}`} label={t("measures")} className="sm:col-span-2">
        {(p) => <Textarea {...p} rows={2} maxLength={2000} defaultValue={defaults?.measures ?? ""} />}
      </Field>
    </fieldset>
  );
}

/** 四.1: the basic systems of the unit's model (three for "3+x", two for "2+x") and up to three "x" items. */
export function PlanForm({ enrolmentId, systems, basic, custom }: { enrolmentId: number; systems: string[]; basic: Record<string, PlanRowDefaults>; custom: PlanRowDefaults[] }) {
  const t = useTranslations("vitality.plan");
  return (
    <ActionForm action={savePlanAction} aria-label={t("formTitle")}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      {systems.map((s) => (
        <PlanRow key={s} row={s} basic legend={t("basicLegend", { system: t(`kinds.${s}`) })} defaults={{ title: t(`kinds.${s}`), ...basic[s] }} />
      ))}
      {[0, 1, 2].map((i) => (
        <PlanRow key={i} row={`x${i}`} basic={false} legend={t("customLegend", { n: i + 1 })} defaults={custom[i]} />
      ))}
      <div>
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** 四.1 向会员（代表）通报: date and how the plan was announced. */
export function PublishPlanForm({ enrolmentId, defaults }: { enrolmentId: number; defaults: { on?: string; how?: string } }) {
  const t = useTranslations("vitality.plan");
  return (
    <ActionForm action={publishPlanAction} className="grid gap-4 sm:grid-cols-2" aria-label={t("publishTitle")}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <Field name="publishedOn" label={t("publishedOn")} required>
        {(p) => <Input {...p} type="date" defaultValue={defaults.on} />}
      </Field>
      <Field name="announcedHow" label={t("announcedHow")} required hint={t("announcedHowHint")}>
        {(p) => <Input {...p} maxLength={200} defaultValue={defaults.how} />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton>{t("publish")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export type ReportDefaults = { programmeResults?: string; fundsCollected?: string; fundsManaged?: string; fundsUsed?: string; dutiesPerformance?: string };

/** 四.2 双述: the chairperson's written report on behalf of the committee. */
export function DualReportForm({ enrolmentId, defaults }: { enrolmentId: number; defaults: ReportDefaults }) {
  const t = useTranslations("vitality.report");
  return (
    <ActionForm action={saveDualReportAction} className="grid gap-4 sm:grid-cols-3" aria-label={t("formTitle")}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <Field name="programmeResults" label={t("programmeResults")} required className="sm:col-span-3" hint={t("programmeResultsHint")}>
        {(p) => <Textarea {...p} rows={4} maxLength={4000} defaultValue={defaults.programmeResults} />}
      </Field>
      <Field name="fundsCollected" label={t("fundsCollected")} required hint={t("yuanHint")}>
        {(p) => <Input {...p} inputMode="decimal" maxLength={16} defaultValue={defaults.fundsCollected} />}
      </Field>
      <Field name="fundsManaged" label={t("fundsManaged")} required hint={t("yuanHint")}>
        {(p) => <Input {...p} inputMode="decimal" maxLength={16} defaultValue={defaults.fundsManaged} />}
      </Field>
      <Field name="fundsUsed" label={t("fundsUsed")} required hint={t("yuanHint")}>
        {(p) => <Input {...p} inputMode="decimal" maxLength={16} defaultValue={defaults.fundsUsed} />}
      </Field>
      <Field name="dutiesPerformance" label={t("dutiesPerformance")} required className="sm:col-span-3">
        {(p) => <Textarea {...p} rows={4} maxLength={4000} defaultValue={defaults.dutiesPerformance} />}
      </Field>
      <div className="sm:col-span-3">
        <SubmitButton>{t("save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** 四.2: record a receipt — by the members' (representatives') congress or by the higher organisations. */
export function ReceiptForm({ enrolmentId }: { enrolmentId: number }) {
  const t = useTranslations("vitality.report");
  return (
    <ActionForm action={reportReceiptAction} className="grid gap-4 sm:grid-cols-3" aria-label={t("receiptTitle")}>
      <input type="hidden" name="enrolmentId" value={enrolmentId} />
      <Field name="which" label={t("receiptWhich")} required>
        {(p) => (
          <Select {...p} defaultValue="CONGRESS">
            <option value="CONGRESS">{t("receipts.CONGRESS")}</option>
            <option value="HIGHER">{t("receipts.HIGHER")}</option>
          </Select>
        )}
      </Field>
      <Field name="receivedOn" label={t("receivedOn")} required>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <div className="flex items-end">
        <SubmitButton>{t("saveReceipt")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
