"use client";

/**
 * A form bound to a guarded server action (lib/server/action.ts): shows the
 * action's message (success or error) and each field's error next to it.
 * Works before hydration (a plain POST to the action). Submits without the browser's own validation so every message comes from the
 * server, in the user's language, and keeps the typed values on error.
 */
import { createContext, useActionState, useContext, useEffect, useRef, startTransition, type ReactNode } from "react";
import type { ActionState, ServerAction } from "@/lib/server/action";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { cn } from "@/lib/utils";

const StateContext = createContext<{ state: ActionState<unknown> | undefined; pending: boolean }>({ state: undefined, pending: false });

export function useActionFormState() {
  return useContext(StateContext).state;
}

export type ActionFormProps<D> = {
  action: ServerAction<D>;
  children: ReactNode;
  className?: string;
  /** clear the fields after a successful submit */
  resetOnSuccess?: boolean;
  onSuccess?: (state: ActionState<D>) => void;
  "aria-label"?: string;
  id?: string;
};

export function ActionForm<D>({ action, children, className, resetOnSuccess, onSuccess, id, ...rest }: ActionFormProps<D>) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) {
      if (resetOnSuccess) formRef.current?.reset();
      onSuccess?.(state);
    }
  }, [state, resetOnSuccess, onSuccess]);
  return (
    <form
      ref={formRef}
      id={id}
      // Before hydration the browser posts the form to the server action itself (progressive enhancement:
      // the server renders the outcome); once hydrated, onSubmit below takes over and keeps the typed values.
      action={formAction}
      noValidate
      className={cn("flex flex-col gap-4", className)}
      aria-label={rest["aria-label"]}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <StateContext value={{ state, pending }}>
        {state?.message ? (
          <Alert tone={state.ok ? "success" : "error"} data-testid="form-message">
            {state.message}
          </Alert>
        ) : null}
        {children}
      </StateContext>
    </form>
  );
}

/** Label + control + hint + the server's message for this field. */
export function Field({
  name,
  label,
  hint,
  required,
  children,
  className,
  id: idProp,
}: {
  name: string;
  /** element id of the control; defaults to field-<name> (give one when a page has several forms with the same field) */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** render the control with the given accessibility props */
  children: (props: { id: string; name: string; "aria-invalid": boolean; "aria-describedby"?: string; "aria-required"?: boolean }) => ReactNode;
  className?: string;
}) {
  const state = useActionFormState();
  const error = state?.fieldErrors?.[name];
  const id = idProp ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <Label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="ml-0.5 text-destructive">*</span> : null}
      </Label>
      {children({ id, name, "aria-invalid": Boolean(error), "aria-describedby": describedBy, "aria-required": required || undefined })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-destructive" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, pendingText, ...props }: ButtonProps & { pendingText?: ReactNode }) {
  const { pending } = useContext(StateContext);
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-busy={pending} {...props}>
      {pending && pendingText ? pendingText : children}
    </Button>
  );
}
