/**
 * Input parsing for forms and actions: FormData → object, zod helpers for
 * form fields, and user-facing messages (Chinese / English) for zod issues.
 *
 * Custom messages in schemas are i18n keys under "validation" (e.g.
 * `.refine(fn, "validation.passwordWeak")`), so every message is translated.
 */
import { z } from "zod";

/** Translate a key under the "validation" namespace. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * FormData → plain object. A key given more than once becomes an array; Next's
 * internal `$ACTION_…` fields are dropped; empty file inputs are dropped.
 */
export function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("$ACTION_")) continue;
    if (typeof value !== "string" && value.size === 0 && value.name === "") continue;
    if (key in out) {
      const prev = out[key];
      out[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
    } else out[key] = value;
  }
  return out;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Required single-line text, trimmed, 1..max characters. */
export const zText = (max: number) => z.string().trim().min(1).max(max);
/** Optional text: "" → undefined. */
export const zOptionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max).optional());
/** Checkbox: "on" / "true" / "1" / true → true; absent → false. */
export const zCheckbox = z.preprocess((v) => v === true || v === "on" || v === "true" || v === "1", z.boolean());
/** One value or many → array. */
export const zArray = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
/** Form value → number: blank → undefined (so "required" is reported), "abc" → NaN (reported as not a number). */
const toNumber = (v: unknown) => {
  if (v === undefined || v === null) return undefined;
  if (typeof v === "string") return v.trim() === "" ? undefined : Number(v.trim());
  return v;
};
/** Largest PostgreSQL `integer` (ids, versions): larger values are refused, never sent to the database. */
export const MAX_INT4 = 2_147_483_647;
/** Positive integer id from a form field. */
export const zId = z.preprocess(toNumber, z.number().int().positive().max(MAX_INT4));
/** Required integer in [min, max]. */
export const zInt = (min: number, max: number) => z.preprocess(toNumber, z.number().int().min(min).max(max));
/** Optional integer in [min, max]: "" → undefined. */
export const zOptionalInt = (min: number, max: number) => z.preprocess(toNumber, z.number().int().min(min).max(max).optional());
/** Calendar date "YYYY-MM-DD" → Date at UTC midnight. */
export const zDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date")
  .transform((s, ctx) => {
    const d = new Date(`${s}T00:00:00.000Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) {
      ctx.addIssue({ code: "custom", message: "validation.date" });
      return z.NEVER;
    }
    return d;
  });
export const zOptionalDate = z.preprocess(blankToUndefined, zDate.optional());

/** Passwords: 8–128 characters with at least one letter and one digit. */
export const zPassword = z
  .string()
  .min(1)
  .refine((p) => p.length >= 8 && p.length <= 128 && /[A-Za-z]/.test(p) && /\d/.test(p), "validation.passwordWeak");

/** Message for one zod issue, in the user's language. */
export function issueMessage(issue: z.core.$ZodIssue, t: Translate): string {
  const input = (issue as { input?: unknown }).input;
  // A schema's own message (an i18n key) wins over the generic ones.
  if (issue.message?.startsWith("validation.")) return t(issue.message.slice("validation.".length));
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined || input === null || input === "") return t("required");
      if (issue.expected === "number" || issue.expected === "int") return t("notNumber");
      if (issue.expected === "date") return t("date");
      return t("invalid");
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? t("required") : t("tooShort", { minimum });
      if (issue.origin === "array" || issue.origin === "set") return minimum <= 1 ? t("required") : t("tooSmall", { minimum });
      return issue.inclusive === false ? t("mustExceed", { minimum }) : t("tooSmall", { minimum });
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return t("tooLong", { maximum });
      return issue.inclusive === false ? t("mustBeBelow", { maximum }) : t("tooBig", { maximum });
    }
    case "invalid_format":
      return issue.format === "email" ? t("email") : t("invalid");
    case "invalid_value":
      return t("choose");
    case "not_multiple_of":
      return t("notInteger");
    default:
      return t("invalid");
  }
}

export type ParseFailure = { fieldErrors: Record<string, string>; fields: string[] };

/**
 * Parse `input` with `schema`; on failure, one message per field (the first
 * issue of each) keyed by the dotted path ("" for form-level issues).
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  t: Translate,
): { ok: true; data: z.output<S> } | ({ ok: false } & ParseFailure) {
  // reportInput: zod 4 omits the offending input from issues unless asked; the messages need it.
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".");
    fieldErrors[key] ??= issueMessage(issue, t);
  }
  return { ok: false, fieldErrors, fields: Object.keys(fieldErrors) };
}

// ───────────────────────── search parameters (pages) ─────────────────────────
// Malformed or out-of-range values in a URL fall back instead of failing.

/** A positive integer id from a search or route parameter (≤ MAX_INT4), else null. */
export function parseIdParam(value: unknown): number | null {
  if (typeof value !== "string" || !/^\d{1,10}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 && n <= MAX_INT4 ? n : null;
}

/** The confirmation of an irreversible step (components/form/confirm-submit.tsx): the checkbox `confirmed=yes`. */
export const zConfirmed = z.literal("yes", { error: "validation.confirmRequired" });
