"use client";

/**
 * The one form pattern of the portal: a form bound to a guarded server action
 * (lib/server/action.ts), validated in the browser by react-hook-form with
 * zodResolver and the SAME zod schema the server action parses.
 *
 * - Works before hydration and with JavaScript off: the form's `action` is the
 *   server action itself (React renders `method="POST"` and the action id), so
 *   a submit never turns into `GET ?password=…`; the server stays the authority.
 * - With JavaScript, each field is checked as the user leaves it and on submit;
 *   a failed submit focuses and scrolls to the first invalid field.
 * - Server errors that name a field land next to it (aria-invalid,
 *   aria-describedby); any other message goes to a summary (`role="alert"`) that
 *   is scrolled into view and announced.
 * - Every field id is prefixed with the form instance's `useId()`, so several
 *   forms of the same kind on one page never share ids.
 */
import {
  createContext,
  startTransition,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useRef,
  useEffectEvent,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from "react";
import { get, useForm, useFormState, type FieldErrors, type Resolver, type UseFormReturn } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import type { z } from "zod";
import type { ActionState, ServerAction } from "@/lib/server/action";
import { formDataToObject, issueMessage, type Translate } from "@/lib/validation";
import { FLASH_EVENT } from "@/components/shell/flash-banner";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Label } from "@/components/ui/input";
import { cn } from "@/lib/utils";

/** Asks before the submit goes out (ConfirmSubmit): gets the data and a function that sends it. */
export type ConfirmGate = (data: FormData, proceed: () => void) => void;

type FormContextValue = {
  state: ActionState<unknown> | undefined;
  pending: boolean;
  uid: string;
  methods: UseFormReturn;
  /** install (or remove, null) the confirmation asked before a valid submit */
  setConfirmGate: (gate: ConfirmGate | null) => void;
};

const FormContext = createContext<FormContextValue | null>(null);

function useFormContextValue(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error("Field, ChoiceGroup and SubmitButton belong inside an ActionForm");
  return value;
}

const noSubscription = () => () => undefined;
/** false while rendering on the server and hydrating, true afterwards. */
export function useHydrated() {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}

/** The last state returned by the form's server action. */
export function useActionFormState() {
  return useContext(FormContext)?.state;
}

/** The element id of field `name` in this form instance (unique per page). */
/** Install a confirmation asked after client validation and before the action runs. */
export function useConfirmGate(gate: ConfirmGate | null) {
  const { setConfirmGate } = useFormContextValue();
  useEffect(() => {
    setConfirmGate(gate);
    return () => setConfirmGate(null);
  }, [gate, setConfirmGate]);
}

export function useFieldId(name: string, id?: string) {
  const { uid } = useFormContextValue();
  return `${uid}${id ?? name}`;
}

/**
 * The message to show next to field `name`: react-hook-form's (client checks,
 * and the server's errors handed to it) once hydrated; the server's as they came
 * before hydration and with JavaScript off.
 */
export function useFieldError(name: string): string | undefined {
  const { state, methods } = useFormContextValue();
  const hydrated = useHydrated();
  const formState = useFormState({ control: methods.control, name });
  const client = (get(formState.errors, name) as { message?: string } | undefined)?.message;
  return hydrated ? client : state?.fieldErrors?.[name];
}

/** Props that register a control with react-hook-form (ref + change/blur). */
export function useFieldRegistration(name: string) {
  const { methods } = useFormContextValue();
  return methods.register(name);
}

/**
 * zodResolver run on what the form would submit (FormData → object, exactly as
 * the server action sees it), with the portal's messages (lib/validation.ts).
 * A form whose element is not known yet (no registered field) is left to the server.
 */
function formResolver(schema: z.ZodType, tv: Translate): Resolver {
  const inner = zodResolver(schema as never, { reportInput: true, error: (issue) => issueMessage(issue as z.core.$ZodIssue, tv) });
  return async (values, context, options) => {
    const form = Object.values(options.fields ?? {})
      .map((f) => (f?.ref as HTMLInputElement | undefined)?.form)
      .find((f): f is HTMLFormElement => f instanceof HTMLFormElement);
    if (!form) return { values, errors: {} };
    const result = await inner(formDataToObject(new FormData(form)) as never, context, options as never);
    // A schema's own message is an i18n key ("validation.passwordWeak"): translate it.
    const translate = (errors: FieldErrors) => {
      for (const value of Object.values(errors)) {
        if (!value || typeof value !== "object") continue;
        const message = (value as { message?: unknown }).message;
        if (typeof message === "string" && message.startsWith("validation.")) (value as { message: string }).message = tv(message.slice("validation.".length));
        else if (!("message" in value)) translate(value as FieldErrors);
      }
    };
    translate(result.errors as FieldErrors);
    return { values: Object.keys(result.errors ?? {}).length ? {} : values, errors: result.errors } as Awaited<ReturnType<Resolver>>;
  };
}

/** The first control (in page order) of `form` whose name is in `names`. */
function firstControl(form: HTMLFormElement | null, names: string[]): HTMLElement | null {
  if (!form || names.length === 0) return null;
  const wanted = new Set(names);
  for (const el of Array.from(form.elements)) {
    const name = (el as HTMLInputElement).name;
    if (name && wanted.has(name) && (el as HTMLInputElement).type !== "hidden") return el as HTMLElement;
  }
  return null;
}

/** Focus `element` and scroll it to the middle of the screen (not under the sticky header). */
function reveal(element: HTMLElement | null): boolean {
  if (!element) return false;
  element.focus({ preventScroll: true });
  element.scrollIntoView({ block: "center", behavior: "instant" });
  return true;
}

/** Dotted names of every error in a react-hook-form errors tree. */
function errorNames(errors: FieldErrors, prefix = ""): string[] {
  return Object.entries(errors).flatMap(([key, value]) => {
    if (!value || typeof value !== "object" || key === "root") return [];
    const name = prefix ? `${prefix}.${key}` : key;
    return "message" in value || "type" in value ? [name] : errorNames(value as FieldErrors, name);
  });
}

export type ActionFormProps<D> = {
  /** the guarded server action itself (not a client wrapper: the form must work with JavaScript off) */
  action: ServerAction<D>;
  /** the zod schema the server action parses; validated in the browser with react-hook-form */
  schema?: z.ZodType;
  children: ReactNode;
  className?: string;
  /** clear the fields after a successful submit */
  resetOnSuccess?: boolean;
  onSuccess?: (state: ActionState<D>) => void;
  "aria-label"?: string;
  id?: string;
};

export function ActionForm<D>({ action, schema, children, className, resetOnSuccess, onSuccess, id, ...rest }: ActionFormProps<D>) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const uid = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const tv = useTranslations("validation");
  const te = useTranslations("errors");
  const hydrated = useHydrated();
  const resolver = useMemo(() => (schema ? formResolver(schema, (k, v) => tv(k, v)) : undefined), [schema, tv]);
  const methods = useForm({ resolver, mode: "onTouched", reValidateMode: "onChange", shouldFocusError: false });
  const [clientSummary, setClientSummary] = useState<string | undefined>();
  /** a submit is on its way; a success that redirects with a flash reports back through FLASH_EVENT */
  const awaitingFlash = useRef(false);
  const confirmGate = useRef<ConfirmGate | null>(null);
  const setConfirmGate = useCallback((gate: ConfirmGate | null) => {
    confirmGate.current = gate;
  }, []);

  const succeeded = useEffectEvent((result: ActionState<D>) => {
    if (resetOnSuccess) {
      formRef.current?.reset();
      methods.reset();
    }
    onSuccess?.(result);
  });

  // A new answer from the server: field errors go to their fields (react-hook-form), the rest to
  // the summary; then the first invalid field, else the summary, is focused and scrolled into view.
  useEffect(() => {
    if (!state) return;
    awaitingFlash.current = false;
    const form = formRef.current;
    methods.clearErrors();
    const placed: string[] = [];
    const unplaced: string[] = [];
    for (const [name, message] of Object.entries(state.fieldErrors ?? {})) {
      if (name !== "" && firstControl(form, [name])) {
        methods.setError(name, { type: "server", message });
        placed.push(name);
      } else unplaced.push(message);
    }
    if (unplaced.length) methods.setError("root.server", { type: "server", message: unplaced.join("；") });
    if (state.ok) succeeded(state as ActionState<D>);
    if (!reveal(firstControl(form, placed))) reveal(summaryRef.current);
  }, [state, methods]);

  // A success that redirected with a flash (lib/server/action.ts `flash`): its state never comes back.
  useEffect(() => {
    const onFlash = () => {
      if (!awaitingFlash.current) return;
      awaitingFlash.current = false;
      succeeded({ ok: true });
    };
    window.addEventListener(FLASH_EVENT, onFlash);
    return () => window.removeEventListener(FLASH_EVENT, onFlash);
  }, []);

  const rootError = methods.formState.errors.root?.server?.message;
  const summary = clientSummary ?? state?.message;
  const summaryTone = clientSummary ? "error" : state?.ok ? "success" : "error";
  const formLevel = hydrated ? (rootError ? [rootError] : []) : state?.fieldErrors?.[""] ? [state.fieldErrors[""]] : [];

  return (
    <form
      ref={formRef}
      id={id}
      action={formAction}
      noValidate
      // Set once client validation is attached (tests wait on it instead of on time).
      data-hydrated={hydrated ? "true" : undefined}
      className={cn("flex flex-col gap-4", className)}
      aria-label={rest["aria-label"]}
      onSubmit={(event) => {
        // With JavaScript: validate first, then run the action in a transition (no full page load).
        event.preventDefault();
        const form = event.currentTarget;
        const data = new FormData(form, (event.nativeEvent as SubmitEvent).submitter);
        const send = () => {
          setClientSummary(undefined);
          awaitingFlash.current = true;
          startTransition(() => formAction(data));
        };
        // Money moves or a step is final: ask first (the dialog sends on "确认").
        const submit = () => (confirmGate.current ? confirmGate.current(data, send) : send());
        if (!resolver) return submit();
        void methods.handleSubmit(submit, (errors) => {
          setClientSummary(te("invalidInput"));
          if (!reveal(firstControl(form, errorNames(errors)))) requestAnimationFrame(() => reveal(summaryRef.current));
        })(event);
      }}
    >
      <FormContext value={{ state, pending, uid, methods: methods as unknown as UseFormReturn, setConfirmGate }}>
        {summary || formLevel.length ? (
          <div ref={summaryRef} tabIndex={-1} className="scroll-my-24 outline-none">
            <Alert tone={summaryTone} data-testid="form-message">
              {summary}
            </Alert>
            {formLevel.length ? (
              <ul className="mt-1 list-disc pl-5 text-xs text-destructive" data-testid="form-errors">
                {formLevel.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
        {children}
      </FormContext>
    </form>
  );
}

/** Accessibility props a control gets from Field. */
export type FieldControlProps = {
  id: string;
  name: string;
  "aria-invalid": boolean;
  "aria-describedby"?: string;
  "aria-required"?: boolean;
  ref?: React.Ref<never>;
  onBlur?: React.FocusEventHandler;
  onChange?: React.ChangeEventHandler;
};

/** Label + control + hint + the message for this field (client or server). */
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
  /** local id of the control (prefixed with the form's unique id); defaults to the name */
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  required?: boolean;
  /** render the control with the given accessibility and registration props */
  children: (props: FieldControlProps) => ReactNode;
  className?: string;
}) {
  const id = useFieldId(name, idProp);
  const error = useFieldError(name);
  const registration = useFieldRegistration(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cn("flex scroll-my-24 flex-col gap-1.5", className)}>
      <Label htmlFor={id}>
        {label}
        {required ? <span aria-hidden="true" className="ml-0.5 text-destructive">*</span> : null}
      </Label>
      {children({
        ...(registration as Partial<FieldControlProps>),
        id,
        name,
        "aria-invalid": Boolean(error),
        "aria-describedby": describedBy,
        "aria-required": required || undefined,
      })}
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

/**
 * A group of radios or checkboxes sharing `name` (fieldset + legend), with its
 * message. `children` gets the props each input spreads.
 */
export function ChoiceGroup({
  name,
  legend,
  required,
  className,
  children,
}: {
  name: string;
  legend: ReactNode;
  required?: boolean;
  className?: string;
  children: (props: { name: string; ref?: React.Ref<never>; onBlur?: React.FocusEventHandler; onChange?: React.ChangeEventHandler }) => ReactNode;
}) {
  const id = useFieldId(name);
  const error = useFieldError(name);
  const registration = useFieldRegistration(name);
  return (
    <fieldset className={cn("scroll-my-24", className)} aria-invalid={Boolean(error) || undefined} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 text-sm font-medium">
        {legend}
        {required ? <span aria-hidden="true" className="ml-0.5 text-destructive">*</span> : null}
      </legend>
      {children({ ...(registration as object), name })}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-destructive" data-testid={`error-${name}`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function SubmitButton({ children, pendingText, ...props }: ButtonProps & { pendingText?: ReactNode }) {
  const { pending } = useFormContextValue();
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-busy={pending} {...props}>
      {pending && pendingText ? pendingText : children}
    </Button>
  );
}
