"use client";

import { useTranslations } from "next-intl";
import { ActionForm, SubmitButton } from "@/components/form/action-form";
import { markAllReadSchema, markReadSchema } from "@/lib/notifications/forms";
import { markAllReadAction, markReadAction } from "@/app/(portal)/notifications/actions";

export function MarkReadButton({ id, title }: { id: number; title: string }) {
  const t = useTranslations("notifications");
  return (
    <ActionForm action={markReadAction} schema={markReadSchema} className="gap-1">
      <input type="hidden" name="notificationId" value={id} />
      <SubmitButton size="sm" variant="ghost" aria-label={`${t("markRead")}：${title}`}>
        {t("markRead")}
      </SubmitButton>
    </ActionForm>
  );
}

export function MarkAllReadButton() {
  const t = useTranslations("notifications");
  return (
    <ActionForm action={markAllReadAction} schema={markAllReadSchema} className="gap-1">
      <SubmitButton size="sm" variant="outline">
        {t("markAllRead")}
      </SubmitButton>
    </ActionForm>
  );
}
