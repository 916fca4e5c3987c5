"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { Input } from "@/components/ui/input";
import { changePasswordSchema } from "@/lib/users/forms";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm() {
  const t = useTranslations();
  return (
    <ActionForm action={changePasswordAction} schema={changePasswordSchema} resetOnSuccess aria-label={t("admin.account.changeTitle")}>
      <Field name="current" label={t("admin.account.current")} required>
        {(p) => <Input {...p} type="password" autoComplete="current-password" />}
      </Field>
      <Field name="password" label={t("admin.users.newPassword")} required hint={t("validation.passwordWeak")}>
        {(p) => <Input {...p} type="password" autoComplete="new-password" maxLength={128} />}
      </Field>
      <Field name="confirm" label={t("admin.account.confirm")} required>
        {(p) => <Input {...p} type="password" autoComplete="new-password" maxLength={128} />}
      </Field>
      <div>
        <SubmitButton>{t("common.save")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
