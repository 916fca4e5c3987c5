"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { Input } from "@/components/ui/input";
import type { ApplicationStage } from "@/lib/generated/prisma/enums";
import { addMinimumWageAction, setReviewDeadlinesAction } from "@/app/(portal)/applications/settings/actions";
import { minimumWageSchema, reviewDeadlinesSchema } from "@/lib/applications/settings-form";

export function MinimumWageForm() {
  const t = useTranslations("applications.settings");
  return (
    <ActionForm action={addMinimumWageAction} schema={minimumWageSchema} resetOnSuccess className="grid gap-4 sm:grid-cols-2" aria-label={t("addWage")}>
      <Field name="effectiveFrom" label={t("effectiveFrom")} required>
        {(p) => <Input {...p} type="date" />}
      </Field>
      <Field name="tier" label={t("tier")} hint={t("tierHint")}>
        {(p) => <Input {...p} maxLength={20} />}
      </Field>
      <Field name="monthlyAmount" label={t("monthlyAmount")} required>
        {(p) => <Input {...p} inputMode="decimal" maxLength={15} />}
      </Field>
      <Field name="source" label={t("source")}>
        {(p) => <Input {...p} maxLength={200} />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton>{t("addWage")}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** Days per review stage (art. 18), one form for the whole chain. */
export function DeadlinesForm({ deadlines }: { deadlines: { stage: ApplicationStage; days: number | null }[] }) {
  const t = useTranslations("applications");
  return (
    <ActionForm action={setReviewDeadlinesAction} schema={reviewDeadlinesSchema} className="grid gap-4 sm:grid-cols-2" aria-label={t("settings.deadlinesTitle")}>
      {deadlines.map((d) => (
        <Field key={d.stage} name={d.stage} label={t(`stage.${d.stage}`)} hint={t("settings.daysHint")} required>
          {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={90} defaultValue={d.days ?? ""} />}
        </Field>
      ))}
      <div className="sm:col-span-2">
        <SubmitButton variant="outline">{t("settings.save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
