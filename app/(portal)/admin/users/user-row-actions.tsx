"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { FormDialog, FormDialogFooter } from "@/components/form/form-dialog";
import { Input } from "@/components/ui/input";
import { resetPasswordSchema, setUserDisabledSchema, unlockUserSchema } from "@/lib/users/forms";
import { resetPasswordAction, setUserDisabledAction, unlockUserAction } from "./actions";

export function UserRowActions({ userId, username, disabled, isSelf, locked = false }: { userId: number; username: string; disabled: boolean; isSelf: boolean; locked?: boolean }) {
  const t = useTranslations();
  return (
    <div className="flex flex-wrap items-start gap-2">
      {isSelf ? null : (
        <ActionForm action={setUserDisabledAction} schema={setUserDisabledSchema} className="gap-1">
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value={disabled ? "false" : "true"} />
          <SubmitButton size="sm" variant={disabled ? "outline" : "destructive"} aria-label={`${disabled ? t("admin.users.enable") : t("admin.users.disable")} ${username}`}>
            {disabled ? t("admin.users.enable") : t("admin.users.disable")}
          </SubmitButton>
        </ActionForm>
      )}
      {locked ? (
        <ActionForm action={unlockUserAction} schema={unlockUserSchema} className="gap-1">
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton size="sm" variant="outline" aria-label={`${t("admin.users.unlock")} ${username}`}>
            {t("admin.users.unlock")}
          </SubmitButton>
        </ActionForm>
      ) : null}
      <FormDialog
        triggerLabel={t("admin.users.resetPassword")}
        triggerAriaLabel={`${t("admin.users.resetPassword")} ${username}`}
        title={`${t("admin.users.resetPassword")}：${username}`}
        description={t("admin.users.resetHint")}
      >
        {() => (
          <ActionForm action={resetPasswordAction} schema={resetPasswordSchema}>
            <input type="hidden" name="userId" value={userId} />
            <Field name="password" label={t("admin.users.newPassword")} required hint={t("validation.passwordWeak")}>
              {(p) => <Input {...p} type="password" autoComplete="new-password" maxLength={128} />}
            </Field>
            <FormDialogFooter cancelLabel={t("common.cancel")}>
              <SubmitButton>{t("common.confirm")}</SubmitButton>
            </FormDialogFooter>
          </ActionForm>
        )}
      </FormDialog>
    </div>
  );
}
