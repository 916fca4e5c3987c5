"use client";

/**
 * Confirm before money moves or a step is final (issue 11.5): paying, settling,
 * reopening, approving, rejecting. The confirmation states what will happen —
 * the amount in figures and in Chinese capitals (大写金额), the payee, the fund —
 * and the consequence.
 *
 * With JavaScript the submit button opens an AlertDialog after the form passed
 * its client checks, and only "确认" sends the form. Without JavaScript (and
 * before hydration) the same details stand above a checkbox `confirmed=yes`
 * that the server action's schema requires (lib/validation.ts zConfirmed), so the
 * step cannot be taken by one careless click either way. A double submit is
 * still harmless: the actions stay idempotent.
 */
import { useCallback, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { SubmitButton, useConfirmGate, useFieldError, useFieldId, useHydrated, type ConfirmGate } from "./action-form";
import type { ButtonProps } from "@/components/ui/button";

/** One line of the confirmation: a label and its value. */
export type ConfirmLine = { label: string; value: ReactNode; testId?: string };

export function ConfirmSubmit({
  label,
  title,
  lines,
  consequence,
  confirmLabel,
  needed = true,
  variant,
  pendingText,
  disabled,
}: {
  /** the submit button's text */
  label: string;
  /** the dialog's title (e.g. "确认支付") */
  title: string;
  /** what will happen, from the data about to be sent (null before hydration: the page's own values) */
  lines: (data: FormData | null) => ConfirmLine[];
  /** the consequence (e.g. "结算后该年度不能再记账") */
  consequence: ReactNode;
  /** the dialog's confirm button (default: label) */
  confirmLabel?: string;
  /** false: no confirmation for this choice (e.g. forwarding); the checkbox still shows without JavaScript */
  needed?: boolean;
  variant?: ButtonProps["variant"];
  pendingText?: ReactNode;
  disabled?: boolean;
}) {
  const t = useTranslations("common");
  const hydrated = useHydrated();
  const checkboxId = useFieldId("confirmed");
  const error = useFieldError("confirmed");
  const [asking, setAsking] = useState<{ data: FormData; proceed: () => void } | null>(null);
  const gate = useCallback<ConfirmGate>((data, proceed) => setAsking({ data, proceed }), []);
  useConfirmGate(hydrated && needed ? gate : null);

  const details = (data: FormData | null) => (
    <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="confirm-details">
      {lines(data).map((line) => (
        <div key={line.label} className="contents">
          <dt className="text-muted-foreground">{line.label}</dt>
          <dd className="font-medium text-foreground" data-testid={line.testId}>
            {line.value}
          </dd>
        </div>
      ))}
    </dl>
  );

  if (!hydrated) {
    // Without JavaScript: the details and a checkbox the server requires.
    return (
      <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
        {details(null)}
        <p className="text-sm text-amber-900">{consequence}</p>
        <label htmlFor={checkboxId} className="flex items-start gap-2 text-sm font-medium">
          <input id={checkboxId} type="checkbox" name="confirmed" value="yes" className="mt-0.5 size-4" aria-invalid={Boolean(error)} aria-describedby={error ? `${checkboxId}-error` : undefined} />
          {t("confirmCheck")}
        </label>
        {error ? (
          <p id={`${checkboxId}-error`} className="text-xs font-medium text-destructive" data-testid="error-confirmed">
            {error}
          </p>
        ) : null}
        <div>
          <SubmitButton variant={variant} pendingText={pendingText} disabled={disabled}>
            {label}
          </SubmitButton>
        </div>
      </div>
    );
  }

  return (
    <>
      <input type="hidden" name="confirmed" value="yes" />
      <div>
        <SubmitButton variant={variant} pendingText={pendingText} disabled={disabled}>
          {label}
        </SubmitButton>
      </div>
      <AlertDialog open={asking !== null} onOpenChange={(open) => (open ? undefined : setAsking(null))}>
        <AlertDialogContent>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription asChild>
            <div className="flex flex-col gap-3">
              {asking ? details(asking.data) : null}
              <p className="rounded-md bg-amber-50 p-2 text-amber-900" data-testid="confirm-consequence">
                {consequence}
              </p>
            </div>
          </AlertDialogDescription>
          <AlertDialogFooter>
            <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
            <AlertDialogAction
              destructive={variant === "destructive"}
              onClick={() => {
                asking?.proceed();
                setAsking(null);
              }}
            >
              {confirmLabel ?? label}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
