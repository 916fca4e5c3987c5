"use client";

/**
 * 《大连市基层工会干部权益保障基金申报表》 as a form (art. 18.1). The article
 * chosen decides what is asked: a one-off amount (art. 15, 16) or months of
 * minimum-wage support from the first day without pay (art. 17). The limits
 * shown come from the policy version in force (art. 19), passed by the page.
 */
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm, ChoiceGroup, Field, SubmitButton } from "@/components/form/action-form";
import { Input, Select, Textarea } from "@/components/ui/input";
import { EVENT_TYPES } from "@/lib/applications/event-types";
import { applicationEditSchema, applicationFormSchema } from "@/lib/applications/application-form";
import type { AidArticle } from "@/lib/generated/prisma/enums";
import type { ServerAction } from "@/lib/server/action";

export type FormLimits = { unfairTreatmentSubsidyMin: string; unfairTreatmentSubsidyMax: string; retaliationSubsidyMax: string; minimumWageSupportMaxMonths: number };

export type ApplicationFormValues = {
  article?: AidArticle;
  eventType?: string;
  eventDate?: string;
  eventDescription?: string;
  harmDescription?: string;
  requestedAmount?: string;
  requestedMonths?: string;
  unemployedFrom?: string;
  phone?: string;
  bankName?: string;
  bankAccountName?: string;
  bankAccountNumber?: string;
};

const ARTICLES: AidArticle[] = ["ART15", "ART16", "ART17"];

function ArticleChoice({ value, onChange, limits }: { value: AidArticle; onChange: (a: AidArticle) => void; limits: FormLimits }) {
  const t = useTranslations("applications");
  return (
    <ChoiceGroup name="article" legend={t("form.article")} required className="sm:col-span-2">
      {(p) => (
        <div className="grid gap-2 md:grid-cols-3">
          {ARTICLES.map((a) => (
            <label key={a} className="flex cursor-pointer gap-2 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-primary/5">
              <input type="radio" {...p} value={a} checked={value === a} onChange={() => onChange(a)} className="mt-0.5 size-4" />
              <span>
                <span className="block font-medium">{t(`articles.${a}`)}</span>
                <span className="block text-xs text-muted-foreground">{t(`rules.${a}`, { ...limits, maxMonths: limits.minimumWageSupportMaxMonths })}</span>
              </span>
            </label>
          ))}
        </div>
      )}
    </ChoiceGroup>
  );
}

export function ApplicationForm<D>({
  action,
  limits,
  initial = {},
  hidden = {},
  submitLabel,
}: {
  action: ServerAction<D>;
  limits: FormLimits;
  initial?: ApplicationFormValues;
  /** hidden fields (application id and version when editing) */
  hidden?: Record<string, string | number>;
  submitLabel: string;
}) {
  const t = useTranslations("applications");
  const [article, setArticle] = useState<AidArticle>(initial.article ?? "ART16");
  return (
    <ActionForm action={action} schema={"applicationId" in hidden ? applicationEditSchema : applicationFormSchema} className="grid gap-4 sm:grid-cols-2" aria-label={t("form.title")}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <h2 className="text-lg font-semibold sm:col-span-2">{t("form.sectionEvent")}</h2>
      <ArticleChoice value={article} onChange={setArticle} limits={limits} />
      <Field name="eventType" label={t("form.eventType")} required>
        {(p) => (
          <Select key={article} {...p} defaultValue={initial.article === article ? initial.eventType : ""}>
            <option value="">—</option>
            {EVENT_TYPES[article].map((e) => (
              <option key={e} value={e}>
                {t(`eventTypes.${e}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="eventDate" label={t("form.eventDate")} required>
        {(p) => <Input {...p} type="date" defaultValue={initial.eventDate} />}
      </Field>
      <Field name="eventDescription" label={t("form.eventDescription")} hint={t("form.eventDescriptionHint")} required className="sm:col-span-2">
        {(p) => <Textarea {...p} maxLength={4000} rows={5} defaultValue={initial.eventDescription} />}
      </Field>
      <Field name="harmDescription" label={t("form.harmDescription")} hint={t("form.harmDescriptionHint")} required className="sm:col-span-2">
        {(p) => <Textarea {...p} maxLength={4000} rows={3} defaultValue={initial.harmDescription} />}
      </Field>

      <h2 className="text-lg font-semibold sm:col-span-2">{t("form.sectionRequest")}</h2>
      {article === "ART17" ? (
        <>
          <Field name="unemployedFrom" label={t("form.unemployedFrom")} hint={t("form.unemployedFromHint")} required>
            {(p) => <Input {...p} type="date" defaultValue={initial.unemployedFrom} />}
          </Field>
          <Field name="requestedMonths" label={t("form.requestedMonths")} hint={t("rules.ART17", { ...limits, maxMonths: limits.minimumWageSupportMaxMonths })} required>
            {(p) => <Input {...p} type="number" inputMode="numeric" min={1} max={limits.minimumWageSupportMaxMonths} step={1} defaultValue={initial.requestedMonths ?? String(limits.minimumWageSupportMaxMonths)} />}
          </Field>
          <p className="rounded-md bg-muted p-3 text-xs text-muted-foreground sm:col-span-2" data-testid="art17-reading">
            {t("rules.art17Reading")}
          </p>
        </>
      ) : (
        <Field name="requestedAmount" label={t("form.requestedAmount")} hint={t(`rules.${article}`, { ...limits, maxMonths: limits.minimumWageSupportMaxMonths })} required>
          {(p) => <Input {...p} inputMode="decimal" maxLength={15} defaultValue={initial.requestedAmount} />}
        </Field>
      )}

      <h2 className="text-lg font-semibold sm:col-span-2">{t("form.sectionPayment")}</h2>
      <Field name="bankName" label={t("form.bankName")} required>
        {(p) => <Input {...p} maxLength={100} defaultValue={initial.bankName} />}
      </Field>
      <Field name="bankAccountName" label={t("form.bankAccountName")} required>
        {(p) => <Input {...p} maxLength={60} defaultValue={initial.bankAccountName} autoComplete="name" />}
      </Field>
      <Field name="bankAccountNumber" label={t("form.bankAccountNumber")} hint={t("form.bankAccountNumberHint")} required>
        {(p) => <Input {...p} inputMode="numeric" maxLength={40} defaultValue={initial.bankAccountNumber} autoComplete="off" />}
      </Field>
      <Field name="phone" label={t("form.phone")} hint={t("form.phoneHint")}>
        {(p) => <Input {...p} type="tel" maxLength={30} defaultValue={initial.phone} />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton pendingText={t("form.saving")}>{submitLabel}</SubmitButton>
      </div>
    </ActionForm>
  );
}
