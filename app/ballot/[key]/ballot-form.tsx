"use client";

/**
 * The members' ballot form: a plain <form> bound to the server action, so it works with JavaScript off
 * (the server renders the outcome) and in WeChat's in-app browser. Phone-first, large type.
 */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { castVoteAction } from "./actions";

export function BallotForm({ publicKey, code, items }: { publicKey: string; code: string; items: string[] }) {
  const t = useTranslations("vitality.ballotPage");
  const [state, formAction, pending] = useActionState(castVoteAction, undefined);
  return (
    <form action={formAction} method="post" className="flex flex-col gap-6" aria-label={t("formLabel")}>
      {state?.message ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-lg text-red-900" data-testid="ballot-error">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="key" value={publicKey} />
      <label className="flex flex-col gap-2 text-lg">
        <span className="font-medium">{t("code")}</span>
        <input
          name="code"
          defaultValue={code}
          required
          maxLength={40}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          className="rounded-md border border-input px-4 py-3 font-mono text-xl tracking-wider"
        />
      </label>
      {items.map((item, i) => (
        <fieldset key={item} className="rounded-md border border-input p-4">
          <legend className="px-1 text-lg font-medium">{t(`items.${item}`)}</legend>
          <div className="mt-2 flex flex-col gap-3">
            {(["SATISFIED", "BASIC", "DISSATISFIED"] as const).map((answer) => (
              <label key={answer} className="flex min-h-12 items-center gap-3 text-lg">
                <input type="radio" name={`a${i}`} value={answer} required className="size-6" />
                {t(`answers.${answer}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button type="submit" disabled={pending} className="min-h-14 rounded-md bg-primary px-6 text-xl font-semibold text-primary-foreground disabled:opacity-60">
        {pending ? t("submitting") : t("submit")}
      </button>
      <p className="text-base text-muted-foreground">{t("secrecy")}</p>
    </form>
  );
}
