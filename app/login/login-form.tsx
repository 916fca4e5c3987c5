"use client";

import { useTranslations } from "next-intl";
import { ActionForm, Field, SubmitButton } from "@/components/form/action-form";
import { Input } from "@/components/ui/input";
import { signInAction } from "./actions";
import { signInSchema } from "./schema";

export function LoginForm({ next }: { next?: string }) {
  const t = useTranslations("login");
  return (
    <ActionForm action={signInAction} schema={signInSchema} aria-label={t("title")}>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Field name="username" label={t("username")} required>
        {(p) => <Input {...p} autoComplete="username" autoCapitalize="none" maxLength={64} />}
      </Field>
      <Field name="password" label={t("password")} required>
        {(p) => <Input {...p} type="password" autoComplete="current-password" maxLength={256} />}
      </Field>
      <SubmitButton className="w-full" pendingText={t("submitting")}>
        {t("submit")}
      </SubmitButton>
    </ActionForm>
  );
}
