"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { Input, Select } from "@/components/ui/input";
import { Ownership, UnitNature } from "@/lib/generated/prisma/enums";
import { enrolAction } from "../actions";

/** 三: enrol one unit of the upper union's subtree for a year (project profile of 附件1). */
export function EnrolForm({ units, year }: { units: { id: number; name: string }[]; year: number }) {
  const t = useTranslations();
  return (
    <ActionForm action={enrolAction} resetOnSuccess className="grid gap-4 sm:grid-cols-2" aria-label={t("vitality.enrol.title")}>
      <Field name="organizationId" label={t("vitality.enrol.unit")} required>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="year" label={t("vitality.year")} required>
        {(p) => <Input {...p} inputMode="numeric" defaultValue={String(year)} maxLength={4} />}
      </Field>
      <Field name="unitNature" label={t("orgs.unitNature")} required>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            {Object.values(UnitNature).map((v) => (
              <option key={v} value={v}>
                {t(`unitNature.${v}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="ownership" label={t("vitality.enrol.ownership")}>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            {Object.values(Ownership).map((v) => (
              <option key={v} value={v}>
                {t(`vitality.ownership.${v}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="staffCount" label={t("vitality.enrol.staffCount")} required>
        {(p) => <Input {...p} inputMode="numeric" maxLength={7} />}
      </Field>
      <Field name="memberCount" label={t("vitality.enrol.memberCount")} required>
        {(p) => <Input {...p} inputMode="numeric" maxLength={7} />}
      </Field>
      <Field name="chairpersonName" label={t("vitality.enrol.chairperson")} required>
        {(p) => <Input {...p} maxLength={60} />}
      </Field>
      <Field name="partyOrganisation" label={t("vitality.enrol.partyOrganisation")} required>
        {(p) => <Input {...p} maxLength={120} />}
      </Field>
      <div className="flex flex-col gap-2 sm:col-span-2">
        {(["enterpriseManaged", "industryUnion", "extendTo50"] as const).map((name) => (
          <label key={name} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} className="size-4" />
            {t(`vitality.enrol.${name}`)}
          </label>
        ))}
      </div>
      <div className="sm:col-span-2">
        <SubmitButton>{t("vitality.enrol.submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
