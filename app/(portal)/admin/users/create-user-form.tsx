"use client";

import { useTranslations } from "next-intl";
import { ActionForm, ChoiceGroup, Field, SubmitButton } from "@/components/form/action-form";
import { Input, Select } from "@/components/ui/input";
import { CadrePosition, Role } from "@/lib/generated/prisma/enums";
import { createUserSchema } from "@/lib/users/forms";
import { createUserAction } from "./actions";

function RolesField() {
  const t = useTranslations();
  return (
    <ChoiceGroup name="roles" legend={t("admin.users.roles")} required className="sm:col-span-2">
      {(p) => (
        <div className="grid gap-2 sm:grid-cols-2">
          {Object.values(Role).map((r) => (
            <label key={r} className="flex items-center gap-2 text-sm">
              <input type="checkbox" {...p} value={r} className="size-4" />
              {t(`roles.${r}`)}
            </label>
          ))}
        </div>
      )}
    </ChoiceGroup>
  );
}

export function CreateUserForm({ orgs }: { orgs: { id: number; name: string }[] }) {
  const t = useTranslations();
  return (
    <ActionForm action={createUserAction} schema={createUserSchema} resetOnSuccess className="grid gap-4 sm:grid-cols-2" aria-label={t("admin.users.createTitle")}>
      <Field name="username" label={t("admin.users.username")} required hint={t("validation.username")}>
        {(p) => <Input {...p} autoCapitalize="none" maxLength={64} />}
      </Field>
      <Field name="displayName" label={t("admin.users.displayName")} required>
        {(p) => <Input {...p} maxLength={60} />}
      </Field>
      <Field name="password" label={t("admin.users.initialPassword")} required hint={t("validation.passwordWeak")}>
        {(p) => <Input {...p} type="password" autoComplete="new-password" maxLength={128} />}
      </Field>
      <Field name="organizationId" label={t("admin.users.organization")} required>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            {orgs.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <RolesField />
      <Field name="position" label={t("admin.users.position")} hint={t("admin.users.positionHint")}>
        {(p) => (
          <Select {...p} defaultValue="">
            <option value="">—</option>
            {Object.values(CadrePosition).map((v) => (
              <option key={v} value={v}>
                {t(`positions.${v}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <label className="flex items-center gap-2 self-end pb-2 text-sm">
        <input type="checkbox" name="fullTime" className="size-4" />
        {t("admin.users.fullTime")}
      </label>
      <Field name="phone" label={t("admin.users.phone")}>
        {(p) => <Input {...p} type="tel" maxLength={30} />}
      </Field>
      <Field name="email" label={t("admin.users.email")}>
        {(p) => <Input {...p} type="email" maxLength={120} />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton>{t("admin.users.create")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
