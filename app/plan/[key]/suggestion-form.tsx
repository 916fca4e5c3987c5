"use client";

/**
 * The members' anonymous suggestion form on a published plan: a plain <form> bound to the server action, so it
 * works with JavaScript off (the server renders the outcome) and in WeChat's in-app browser. Phone-first.
 */
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { suggestionAction } from "./actions";

export function SuggestionForm({ publicKey }: { publicKey: string }) {
  const t = useTranslations("vitality.planPage");
  const [state, formAction, pending] = useActionState(suggestionAction, undefined);
  const error = state?.fieldErrors?.text;
  return (
    <form action={formAction} method="post" className="flex flex-col gap-4" aria-label={t("suggestTitle")}>
      {state?.message && !error ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-lg text-red-900" data-testid="suggestion-error">
          {state.message}
        </p>
      ) : null}
      <input type="hidden" name="key" value={publicKey} />
      <label htmlFor="suggestion-text" className="text-lg font-medium">
        {t("suggestLabel")}
      </label>
      <textarea
        id="suggestion-text"
        name="text"
        rows={5}
        maxLength={1000}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? "suggestion-text-error suggestion-text-hint" : "suggestion-text-hint"}
        className="rounded-md border border-input px-4 py-3 text-lg"
      />
      <p id="suggestion-text-hint" className="text-base text-muted-foreground">
        {t("suggestHint")}
      </p>
      {error ? (
        <p id="suggestion-text-error" className="text-base font-medium text-red-800" data-testid="error-text">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="min-h-14 rounded-md bg-primary px-6 text-xl font-semibold text-primary-foreground disabled:opacity-60">
        {pending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
