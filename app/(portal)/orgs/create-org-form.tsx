"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { Input, Select } from "@/components/ui/input";
import { OrgType, Ownership, UnitNature } from "@/lib/generated/prisma/enums";
import { createOrgSchema } from "@/lib/org/forms";
import { createOrgAction } from "./actions";

export function CreateOrgForm({ parents }: { parents: { id: number; name: string; type: string }[] }) {
  const t = useTranslations();
  return (
    <ActionForm action={createOrgAction} schema={createOrgSchema} resetOnSuccess className="grid gap-4 sm:grid-cols-2" aria-label={t("admin.orgs.createTitle")}>
      <Field name="parentId" label={t("orgs.parent")} required>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            {parents.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="type" label={t("orgs.type")} required>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            {Object.values(OrgType)
              .filter((v) => v !== "CITY_FEDERATION")
              .map((v) => (
                <option key={v} value={v}>
                  {t(`orgTypes.${v}`)}
                </option>
              ))}
          </Select>
        )}
      </Field>
      <Field name="code" label={t("orgs.code")} required hint={t("admin.orgs.codeHint")}>
        {(p) => <Input {...p} maxLength={40} />}
      </Field>
      <Field name="name" label={t("orgs.name")} required>
        {(p) => <Input {...p} maxLength={120} />}
      </Field>
      <Field name="industrialResident" label={`${t("orgs.resident")} / ${t("orgs.nonResident")}`} hint={t("admin.orgs.residentHint")}>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            <option value="true">{t("orgs.resident")}</option>
            <option value="false">{t("orgs.nonResident")}</option>
          </Select>
        )}
      </Field>
      <Field name="unitNature" label={t("orgs.unitNature")}>
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
      <Field name="ownership" label={t("orgs.ownership")}>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            {Object.values(Ownership).map((v) => (
              <option key={v} value={v}>
                {t(`ownership.${v}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field name="staffCount" label={t("orgs.staffCount")}>
        {(p) => <Input {...p} inputMode="numeric" />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton>{t("admin.orgs.create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
