"use client";

import { useActionState } from "react";
import { useLocale, useTranslations } from "next-intl";
import type { ServerAction } from "@/lib/server/action";
import { Button } from "@/components/ui/button";

/** 中文 ⇄ English (cookie NEXT_LOCALE) through `action` (app/login/actions.ts setLocaleAction); returns to `back`. */
export function LocaleSwitch({ back, action: setLocale }: { back: string; action: ServerAction<null> }) {
  const locale = useLocale();
  const t = useTranslations("app");
  const [, action, pending] = useActionState(setLocale, undefined);
  const target = locale === "en" ? "zh-CN" : "en";
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={target} />
      <input type="hidden" name="back" value={back} />
      <Button type="submit" variant="outline" size="sm" disabled={pending} lang={target} aria-label={`${t("language")}: ${t("switchTo")}`}>
        {t("switchTo")}
      </Button>
    </form>
  );
}
